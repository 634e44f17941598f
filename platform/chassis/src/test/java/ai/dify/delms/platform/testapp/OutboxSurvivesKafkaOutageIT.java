package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

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
 * Kafka is unreachable when the change is made: the write still succeeds, the send fails and the
 * event stays in the outbox, and once Kafka answers on the configured address the relay delivers
 * it, without a restart of the service.
 */
@DelmsServiceTest
class OutboxSurvivesKafkaOutageIT {

    /** The service's only way to Kafka: closed ("Kafka down") until the test opens it. */
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
    void eventWrittenWhileKafkaIsDownIsDeliveredWhenItReturns() throws Exception {
        String body = mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.salesToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"outage\",\"size\":5}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        Awaitility.await("a send tried and failed").atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select count(*) from outbox_event where attempts > 0 and event_id = ?",
                        Integer.class, eventId(id)) > 0);

        KAFKA.open();

        ConsumerRecord<String, String> record = kafka
                .awaitRecord(ChassisTestApplication.TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(60));
        assertThat(json.readTree(record.value()).get("data").get("name").asString()).isEqualTo("outage");
        Awaitility.await("outbox emptied").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from outbox_event", Integer.class) == 0);
    }

    private String eventId(String widgetId) {
        return jdbc.queryForObject("select event_id from outbox_event where record_key = ?", String.class, widgetId);
    }

}
