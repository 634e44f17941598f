package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from a request to the consumers of its events and what they publish in turn
 * (docs/decisions.md, 35): the envelope keeps the publishing span, the record's {@code traceparent}
 * header is the relay's producer span in the same trace, and a consumer continues the header, or
 * the envelope when a record has no header.
 */
@DelmsServiceTest
class EventTracingIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;

    @Test
    void theEventOfARequestAndItsRecordCarryTheRequestsTrace() throws Exception {
        String traceId = newTraceId();
        String body = mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.adminToken()))
                        .header("traceparent", traceparent(traceId))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"traced\",\"size\":2}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        ConsumerRecord<String, String> record = kafka.awaitRecordWithKey(ChassisTestApplication.TOPIC, id);
        String envelope = json.readTree(record.value()).get("traceparent").asString();
        String header = TestKafka.header(record, "traceparent");
        assertThat(traceIdOf(envelope)).isEqualTo(traceId);
        assertThat(traceIdOf(header)).as("the record's header is in the request's trace").isEqualTo(traceId);
        assertThat(spanIdOf(header)).as("the header names the relay's producer span, a child of the publisher's")
                .isNotEqualTo(spanIdOf(envelope));
    }

    @Test
    void whatAConsumerPublishesStaysInTheTraceOfTheRecordsHeader() {
        String headerTrace = newTraceId();
        String envelopeTrace = newTraceId();
        String name = "header-traced-" + UUID.randomUUID();
        sendWithHeader(name, requested(name, envelopeTrace), traceparent(headerTrace));

        ConsumerRecord<String, String> created = awaitCreated(name);
        assertThat(traceIdOf(json.readTree(created.value()).get("traceparent").asString())).isEqualTo(headerTrace);
        assertThat(traceIdOf(TestKafka.header(created, "traceparent"))).isEqualTo(headerTrace);
    }

    @Test
    void aRecordWithoutTraceHeaderIsContinuedFromItsEnvelope() {
        String envelopeTrace = newTraceId();
        String name = "envelope-traced-" + UUID.randomUUID();
        kafka.send(ChassisTestApplication.TOPIC, name, requested(name, envelopeTrace));

        ConsumerRecord<String, String> created = awaitCreated(name);
        assertThat(traceIdOf(json.readTree(created.value()).get("traceparent").asString())).isEqualTo(envelopeTrace);
        assertThat(traceIdOf(TestKafka.header(created, "traceparent"))).isEqualTo(envelopeTrace);
    }

    /** Another service's request for a widget, published in the trace {@code traceId}. */
    private String requested(String name, String traceId) {
        ObjectNode event = (ObjectNode) json.readTree(TestEvents.event(WidgetEchoes.REQUESTED, name)
                .source("/delms/another-service").data(Map.of("name", name, "size", 1, "version", 0)).toJson());
        event.put("traceparent", traceparent(traceId));
        return json.writeValueAsString(event);
    }

    private ConsumerRecord<String, String> awaitCreated(String name) {
        return kafka.awaitRecord(ChassisTestApplication.TOPIC,
                r -> r.value().contains(WidgetEvents.CREATED) && r.value().contains(name));
    }

    private void sendWithHeader(String key, String value, String traceparent) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(ChassisTestApplication.TOPIC, key, value);
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test record", e);
        }
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static String traceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }
}
