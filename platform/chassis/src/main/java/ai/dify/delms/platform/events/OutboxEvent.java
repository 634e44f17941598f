package ai.dify.delms.platform.events;

import java.time.Instant;

/**
 * What the outbox stores for one published event (Spring Modulith's publication registry
 * serializes it in the service's transaction): the envelope fields plus where it goes. Internal to
 * the chassis; services use {@link DomainEvents}.
 *
 * @param topic    Kafka topic
 * @param key      Kafka record key (the license id for license events, else the aggregate id)
 * @param actor    who caused the change, or null (publications stored before it was added have none)
 * @param dataJson the payload, already serialized, so a resubmission sends exactly the same bytes
 */
public record OutboxEvent(String topic, String key, String id, String source, String type, String subject,
        Instant time, String traceparent, EventActor actor, String dataJson) {

    CloudEvent toCloudEvent() {
        return new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type, subject, time, CloudEvent.JSON, traceparent,
                actor == null ? null : actor.subject(), actor == null ? null : actor.username(),
                actor == null ? null : actor.clientId(), dataJson);
    }
}
