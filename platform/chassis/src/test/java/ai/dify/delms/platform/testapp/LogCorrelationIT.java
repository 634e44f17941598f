package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * What a service logs while it serves a request or handles a record names the trace it belongs to,
 * so an operator goes from a log line to the whole trace in Zipkin and back (docs/observability.md).
 */
@DelmsServiceTest
@ExtendWith(OutputCaptureExtension.class)
class LogCorrelationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;

    @Test
    void theErrorLoggedForAFailedRequestNamesItsTrace(CapturedOutput output) throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        mvc.perform(get("/api/v1/failures/boom").header("Authorization", bearer(tokens.adminToken()))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")).andExpect(status().is(500));

        assertThat(output.getOut().lines().filter(line -> line.contains("secret internal detail")
                || line.contains("/api/v1/failures/boom")))
                .as("the failure's log lines").isNotEmpty().anySatisfy(line -> assertThat(line).contains(traceId));
    }

    @Test
    void aConsumersFailureLogNamesTheTraceOfTheRecord(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String widgetId = UUID.randomUUID().toString();
        String event = TestEvents.event(WidgetEchoes.FAILING, widgetId)
                .data(Map.of("id", widgetId, "name", "logged", "size", 1, "version", 0)).toJson();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(ChassisTestApplication.TOPIC, widgetId, event);
            record.headers().add("traceparent",
                    ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test record", e);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("handler always fails for " + widgetId)))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains(traceId)));
    }
}
