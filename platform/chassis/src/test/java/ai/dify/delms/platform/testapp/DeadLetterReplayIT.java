package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.events.deadletter.PendingDeadLettersGauge;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record whose handler keeps failing goes to the dead-letter topic without holding up the records
 * behind it; an admin lists it, fixes the cause and replays it: it is applied once, and a second
 * replay republishes nothing.
 */
@DelmsServiceTest
class DeadLetterReplayIT {

    private static final String TOPIC = ChassisTestApplication.GADGETS;
    private static final String DLT = TOPIC + ".dlt";
    private static final String ENDPOINT = "/actuator/deadletters/" + TOPIC;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    GadgetDeliveries gadgets;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    @Test
    void aFailingRecordIsDeadLetteredListedAndAppliedOnceWhenReplayed() throws Exception {
        String key = "gadgets-" + UUID.randomUUID();
        String refused = UUID.randomUUID().toString();
        String behindIt = UUID.randomUUID().toString();
        gadgets.refuse(refused);
        TestEvents refusedDelivery = delivered(refused);
        // one key, so one partition: the second record waits for whatever becomes of the first
        kafka.send(TOPIC, key, refusedDelivery.toJson());
        kafka.send(TOPIC, key, delivered(behindIt).toJson());

        Awaitility.await("the record behind the failing one").atMost(Duration.ofSeconds(30))
                .until(() -> gadgets.deliveries(behindIt) == 1);
        ConsumerRecord<String, String> dead = kafka.awaitRecord(DLT, r -> r.value().contains(refusedDelivery.id()));
        assertThat(gadgets.deliveries(refused)).isZero();

        JsonNode listing = admin(get(ENDPOINT));
        assertThat(listing.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(listing.get("deadLetterTopic").asString()).isEqualTo(DLT);
        JsonNode entry = entryOf(listing, refusedDelivery.id());
        assertThat(entry.get("eventType").asString()).isEqualTo(GadgetDeliveries.DELIVERED);
        assertThat(entry.get("key").asString()).isEqualTo(key);
        assertThat(entry.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(entry.get("originalOffset").isNumber()).isTrue();
        assertThat(entry.get("partition").asInt()).isEqualTo(dead.partition());
        assertThat(entry.get("offset").asLong()).isEqualTo(dead.offset());
        assertThat(entry.get("consumerGroup").asString()).isEqualTo(consumerGroup);
        assertThat(entry.get("failure").asString()).isEqualTo("unexpected");
        assertThat(entry.get("exceptionMessage").asString()).contains("gadget " + refused + " is refused");
        assertThat(entry.get("deadLetteredAt").asString()).isNotBlank();
        assertThat(entry.get("replayed").asBoolean()).isFalse();
        long pending = listing.get("pending").asLong();
        assertThat(pending).isPositive();
        Awaitility.await("the gauge of dead letters not replayed").atMost(Duration.ofSeconds(30))
                .until(() -> pendingGauge() == pending);

        gadgets.accept(refused); // the defect is fixed
        JsonNode replay = admin(post(ENDPOINT));
        assertThat(replay.get("replayed").asLong()).isEqualTo(pending);
        Awaitility.await("the replayed delivery").atMost(Duration.ofSeconds(30))
                .until(() -> gadgets.deliveries(refused) == 1);

        JsonNode again = admin(post(ENDPOINT));
        assertThat(again.get("replayed").asLong()).isZero();
        // a later record of the key is applied after anything a second replay could have sent
        String marker = UUID.randomUUID().toString();
        kafka.send(TOPIC, key, delivered(marker).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gadgets.deliveries(marker) == 1);
        assertThat(gadgets.deliveries(refused)).isEqualTo(1);
        assertThat(gadgets.deliveries(behindIt)).isEqualTo(1);

        assertThat(admin(get(ENDPOINT)).get("pending").asLong()).isZero();
        assertThat(entryOf(admin(get(ENDPOINT + "?all=true")), refusedDelivery.id()).get("replayed").asBoolean())
                .isTrue();
        Awaitility.await("the gauge after the replay").atMost(Duration.ofSeconds(30))
                .until(() -> pendingGauge() == 0);
    }

    @Test
    void theSummaryCountsTheDeadLettersOfTheConsumedTopics() throws Exception {
        JsonNode summary = admin(get("/actuator/deadletters"));

        JsonNode gadgetTopic = StreamSupport.stream(summary.get("topics").spliterator(), false)
                .filter(topic -> TOPIC.equals(topic.get("topic").asString())).findFirst().orElseThrow();
        assertThat(gadgetTopic.get("deadLetterTopic").asString()).isEqualTo(DLT);
        assertThat(gadgetTopic.get("total").asLong()).isGreaterThanOrEqualTo(gadgetTopic.get("pending").asLong());
    }

    @Test
    void onlyAdminsMayListOrReplayDeadLetters() throws Exception {
        mvc.perform(get(ENDPOINT)).andExpect(status().isUnauthorized());
        mvc.perform(get(ENDPOINT).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
        mvc.perform(post(ENDPOINT).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/deadletters").header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownOrInvalidTopicIsAProblem() throws Exception {
        mvc.perform(get("/actuator/deadletters/no.such.topic").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(ENDPOINT + "?limit=0").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private JsonNode admin(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static JsonNode entryOf(JsonNode listing, String eventId) {
        return StreamSupport.stream(listing.get("deadLetters").spliterator(), false)
                .filter(entry -> eventId.equals(entry.get("eventId").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not listed: " + listing));
    }

    private double pendingGauge() {
        Gauge gauge = meters.find(PendingDeadLettersGauge.METRIC).tag("topic", TOPIC).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static TestEvents delivered(String gadgetId) {
        return TestEvents.event(GadgetDeliveries.DELIVERED, gadgetId).source("/delms/gadget-service")
                .data(Map.of("id", gadgetId));
    }
}
