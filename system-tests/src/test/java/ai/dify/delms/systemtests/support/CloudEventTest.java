package ai.dify.delms.systemtests.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Both content modes of the CloudEvents Kafka binding read the same. */
class CloudEventTest {

    @Test
    void structuredModeReadsTheEnvelopeFromTheValue() {
        String envelope = """
                {"specversion":"1.0","id":"e1","source":"/delms/license-service","type":"delms.license.created.v1",
                 "subject":"ENT-202501-000001","time":"2025-01-01T00:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"ENT-202501-000001","customerId":"c1"}}""";
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("delms.licenses", 0, 7, "ENT-202501-000001", bytes(envelope));

        CloudEvent event = CloudEvent.of(record);

        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("delms.license.created.v1");
        assertThat(event.subject()).isEqualTo("ENT-202501-000001");
        assertThat(event.source()).isEqualTo("/delms/license-service");
        assertThat(event.data().path("customerId").asString()).isEqualTo("c1");
    }

    @Test
    void binaryModeReadsTheAttributesFromHeadersAndTheDataFromTheValue() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("delms.customers", 0, 3, "c1", bytes("{\"id\":\"c1\",\"name\":\"Acme\"}"));
        record.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
        record.headers().add(new RecordHeader("ce_id", bytes("e2")));
        record.headers().add(new RecordHeader("ce_type", bytes("delms.customer.created.v1")));
        record.headers().add(new RecordHeader("ce_subject", bytes("c1")));

        CloudEvent event = CloudEvent.of(record);

        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.id()).isEqualTo("e2");
        assertThat(event.type()).isEqualTo("delms.customer.created.v1");
        assertThat(event.subject()).isEqualTo("c1");
        assertThat(event.source()).isNull();
        assertThat(event.data().path("name").asString()).isEqualTo("Acme");
    }

    @Test
    void aRecordThatIsNoCloudEventHasNoAttributes() {
        CloudEvent event = CloudEvent.of(new ConsumerRecord<>("t", 0, 0, "k", bytes("not json")));

        assertThat(event.specversion()).isNull();
        assertThat(event.subject()).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
