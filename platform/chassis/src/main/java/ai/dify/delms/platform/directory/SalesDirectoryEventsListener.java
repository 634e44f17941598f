package ai.dify.delms.platform.directory;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import ai.dify.delms.platform.directory.SalesParty.Kind;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/**
 * Feeds the {@link SalesDirectory} from {@code delms.sales}, in a consumer group of its own so
 * that the service's other consumers of that topic (purchases, say) are independent of it.
 */
class SalesDirectoryEventsListener {

    static final String CONSUMER = "sales-directory";
    static final String REP_CREATED = "delms.sales-rep.created.v1";
    static final String REP_UPDATED = "delms.sales-rep.updated.v1";
    static final String RESELLER_CREATED = "delms.reseller.created.v1";
    static final String RESELLER_UPDATED = "delms.reseller.updated.v1";
    /** A deleted rep or reseller is announced with its last state, inactive: it stays known as inactive. */
    static final String REP_DELETED = "delms.sales-rep.deleted.v1";
    static final String RESELLER_DELETED = "delms.reseller.deleted.v1";

    /** The part of a rep or reseller event the directory keeps; other fields are ignored. */
    record PartyData(UUID id, String code, String name, Boolean active, Long version) {

        PartyData inactive() {
            return new PartyData(id, code, name, false, version);
        }
    }

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    SalesDirectoryEventsListener(IdempotentEventHandler events, SalesDirectory directory) {
        this.events = events;
        this.routes = EventRoutes.create()
                .on(REP_CREATED, PartyData.class, data -> describe(directory, Kind.SALES_REP, data))
                .on(REP_UPDATED, PartyData.class, data -> describe(directory, Kind.SALES_REP, data))
                .on(RESELLER_CREATED, PartyData.class, data -> describe(directory, Kind.RESELLER, data))
                .on(RESELLER_UPDATED, PartyData.class, data -> describe(directory, Kind.RESELLER, data))
                .on(REP_DELETED, PartyData.class, data -> describe(directory, Kind.SALES_REP, data.inactive()))
                .on(RESELLER_DELETED, PartyData.class, data -> describe(directory, Kind.RESELLER, data.inactive()));
    }

    @KafkaListener(topics = DelmsTopics.SALES, groupId = "${spring.application.name}-" + CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(CONSUMER, record, routes);
    }

    private static void describe(SalesDirectory directory, Kind kind, PartyData data) {
        if (data.id() == null || data.name() == null || (kind == Kind.RESELLER && data.code() == null)) {
            throw new MalformedEventException(kind + " event without id, name" + (kind == Kind.RESELLER ? " or code" : ""));
        }
        directory.describe(new SalesParty(data.id(), kind, kind == Kind.RESELLER ? data.code() : null, data.name(),
                data.active() == null || data.active()), data.version() == null ? 0 : data.version());
    }
}
