package ai.dify.delms.platform.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/**
 * Consumes gadget deliveries from a topic of their own and counts them per gadget, idempotently.
 * A gadget can be refused, a failure that lasts until the test accepts it again: a defect that
 * is fixed later, with the dead letters it caused waiting to be replayed.
 */
@Component
class GadgetDeliveries {

    static final String DELIVERED = "delms.gadget.delivered.v1";

    record Gadget(String id) {
    }

    private final IdempotentEventHandler handler;
    private final JdbcTemplate jdbc;
    private final EventRoutes routes;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    GadgetDeliveries(IdempotentEventHandler handler, JdbcTemplate jdbc) {
        this.handler = handler;
        this.jdbc = jdbc;
        this.routes = EventRoutes.create().on(DELIVERED, Gadget.class, this::deliver);
    }

    @KafkaListener(topics = ChassisTestApplication.GADGETS)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, routes);
    }

    void refuse(String gadgetId) {
        refused.add(gadgetId);
    }

    void accept(String gadgetId) {
        refused.remove(gadgetId);
    }

    int deliveries(String gadgetId) {
        return jdbc.query("select deliveries from gadget_delivery where gadget_id = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, gadgetId);
    }

    private void deliver(Gadget gadget) {
        if (refused.contains(gadget.id())) {
            throw new IllegalStateException("gadget " + gadget.id() + " is refused");
        }
        jdbc.update("insert into gadget_delivery (gadget_id, deliveries) values (?, 1)"
                + " on duplicate key update deliveries = deliveries + 1", gadget.id());
    }
}
