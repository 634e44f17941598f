package ai.dify.delms.platform.events.deadletter;

/** A dead-letter topic at a glance: every dead letter it still holds, and those not replayed yet. */
public record DeadLetterSummary(String topic, String deadLetterTopic, long total, long pending) {
}
