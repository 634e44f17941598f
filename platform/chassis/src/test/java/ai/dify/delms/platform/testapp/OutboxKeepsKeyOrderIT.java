package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TcpForwarder;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.platform.test.kafka.TestKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events of one key reach the topic in the order their changes committed, also when they were
 * written while Kafka was down and go out together once it is back, and while new changes keep
 * coming during that catch-up: a consumer never sees an older version after a newer one.
 */
@DelmsServiceTest
class OutboxKeepsKeyOrderIT {

    private static final int WIDGETS = 8;
    private static final int RENAMES_WHILE_DOWN = 12;
    private static final int RENAMES_AFTER = 6;

    private static final TcpForwarder KAFKA = TcpForwarder.to(TestKafkaBroker.bootstrapServers());

    @DynamicPropertySource
    static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::address);
        registry.add("spring.kafka.admin.auto-create", () -> "false");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestKafka kafka;

    @AfterAll
    static void closeForwarder() {
        KAFKA.close();
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrderAfterAnOutage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int w = 0; w < WIDGETS; w++) {
            ids.add(create("order-" + w + "-" + System.nanoTime()));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            renameEach(ids, RENAMES_WHILE_DOWN, writers);
            assertThat(jdbc.queryForObject("select count(*) from outbox_event", Integer.class))
                    .as("everything written while Kafka is down waits in the outbox")
                    .isGreaterThanOrEqualTo(WIDGETS * (1 + RENAMES_WHILE_DOWN));

            KAFKA.open();
            renameEach(ids, RENAMES_AFTER, writers); // while the backlog drains
        } finally {
            writers.shutdown();
        }

        int expectedPerKey = 1 + RENAMES_WHILE_DOWN + RENAMES_AFTER;
        Map<String, List<Long>> versionsByKey = new ConcurrentHashMap<>();
        Awaitility.await("every event delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    versionsByKey.clear();
                    for (ConsumerRecord<String, String> record : kafka.records(ChassisTestApplication.TOPIC)) {
                        if (ids.contains(record.key())) {
                            long version = json.readTree(record.value()).get("data").get("version").asLong();
                            versionsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(version);
                        }
                    }
                    return ids.stream().allMatch(id -> versionsByKey.getOrDefault(id, List.of()).stream()
                            .distinct().count() == expectedPerKey);
                });
        for (String id : ids) {
            assertThat(versionsByKey.get(id)).as("versions of widget %s in topic order", id).isSorted();
        }
        Awaitility.await("outbox emptied").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from outbox_event", Integer.class) == 0);
    }

    /** Renames every widget {@code times} times, widgets in parallel, each widget's renames one after the other. */
    private void renameEach(List<String> ids, int times, ExecutorService writers) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (String id : ids) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < times; i++) {
                    mvc.perform(put("/api/v1/widgets/" + id).header("Authorization", bearer(tokens.salesToken()))
                                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"r" + System.nanoTime() + "\"}"))
                            .andExpect(status().isOk());
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
    }

    private String create(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.salesToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"size\":1}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}
