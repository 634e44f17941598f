package ai.dify.delms.systemtests.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.nio.charset.StandardCharsets;

/**
 * The CloudEvents 1.0 envelope of a Kafka record as an outside subscriber reads it, in either
 * content mode of the Kafka binding: structured (the value is the JSON envelope) or binary
 * ({@code ce_*} headers, the value is the data). Attributes that are absent are {@code null}.
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject,
                         String time, String datacontenttype, JsonNode data) {

    public static CloudEvent of(ConsumerRecord<String, byte[]> record) {
        Header binaryMode = record.headers().lastHeader("ce_specversion");
        if (binaryMode != null) {
            return new CloudEvent(header(record, "ce_specversion"), header(record, "ce_id"), header(record, "ce_source"),
                    header(record, "ce_type"), header(record, "ce_subject"), header(record, "ce_time"),
                    header(record, "content-type"), parse(record.value()));
        }
        JsonNode envelope = parse(record.value());
        return new CloudEvent(text(envelope, "specversion"), text(envelope, "id"), text(envelope, "source"),
                text(envelope, "type"), text(envelope, "subject"), text(envelope, "time"),
                text(envelope, "datacontenttype"), envelope.path("data"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static JsonNode parse(byte[] value) {
        if (value == null || value.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parse(new String(value, StandardCharsets.UTF_8));
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }
}
