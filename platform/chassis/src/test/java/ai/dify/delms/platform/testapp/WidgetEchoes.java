package ai.dify.delms.platform.testapp;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/** Consumes the test app's own widget events and counts them per widget, idempotently. */
@Component
class WidgetEchoes {

    static final String FAILING = "delms.widget.failing.v1";
    /** Asks for a widget: consuming it creates one, whose event names the requester's actor. */
    static final String REQUESTED = "delms.widget.requested.v1";

    private final IdempotentEventHandler handler;
    private final JdbcTemplate jdbc;
    private final EventRoutes routes;

    WidgetEchoes(IdempotentEventHandler handler, JdbcTemplate jdbc, WidgetService widgets) {
        this.handler = handler;
        this.jdbc = jdbc;
        this.routes = EventRoutes.create()
                .on(WidgetEvents.CREATED, WidgetDto.class, this::echo)
                .on(REQUESTED, WidgetDto.class, widget -> widgets.create(widget.name(), widget.size()))
                .on(FAILING, WidgetDto.class, widget -> {
                    throw new IllegalStateException("handler always fails for " + widget.id());
                });
    }

    @KafkaListener(topics = ChassisTestApplication.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        handler.handle(record, routes);
    }

    private void echo(WidgetDto widget) {
        jdbc.update("insert into widget_echo (widget_id, echoes) values (?, 1) on duplicate key update echoes = echoes + 1",
                widget.id().toString());
    }

    int echoes(String widgetId) {
        return jdbc.query("select echoes from widget_echo where widget_id = ?", rs -> rs.next() ? rs.getInt(1) : 0,
                widgetId);
    }
}
