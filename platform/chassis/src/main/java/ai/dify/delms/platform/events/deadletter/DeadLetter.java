package ai.dify.delms.platform.events.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

import ai.dify.delms.platform.events.inbound.ConsumerFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of a dead-letter topic, for an operator: where it was consumed from, which event it
 * is, which consumer group gave up on it and why (Spring Kafka's {@code kafka_dlt-*} headers).
 *
 * @param partition        its partition of the dead-letter topic
 * @param offset           its offset there
 * @param deadLetteredAt   when it was dead-lettered
 * @param replayed         whether it was replayed already (its offset is below the replay group's)
 * @param failure          transient, not-known-yet, poison or unexpected (absent on older dead letters)
 * @param replayedFrom     the dead letter this record is a replay of, if it failed again after a replay
 */
public record DeadLetter(int partition, long offset, Instant deadLetteredAt, boolean replayed, String originalTopic,
        Integer originalPartition, Long originalOffset, String key, String eventId, String eventType,
        String consumerGroup, String failure, String exception, String exceptionMessage, String cause,
        String replayedFrom) {

    /** Header of a replayed record naming the dead letter it came from ({@code <topic>.dlt-<partition>@<offset>}). */
    public static final String REPLAYED_FROM_HEADER = "delms_replayed-from";

    private static final int MAX_MESSAGE = 2_000;

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record, boolean replayed, JsonMapper json) {
        Headers headers = record.headers();
        JsonNode envelope = envelope(record.value(), json);
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), replayed,
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC), integer(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                field(envelope, "id"), field(envelope, "type"),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(headers, ConsumerFailure.HEADER),
                text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN), cut(text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN), text(headers, REPLAYED_FROM_HEADER));
    }

    private static JsonNode envelope(byte[] value, JsonMapper json) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String field(JsonNode envelope, String name) {
        JsonNode value = envelope == null || !envelope.isObject() ? null : envelope.get(name);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition as 4 bytes. */
    static Integer integer(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    /** ... and the original offset as 8. */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Long.BYTES ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }

    private static String cut(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
