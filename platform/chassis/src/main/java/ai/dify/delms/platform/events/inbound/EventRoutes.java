package ai.dify.delms.platform.events.inbound;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Which event types a consumer handles, and how. Types not listed are ignored, so a producer may
 * add types without breaking its consumers.
 *
 * <pre>{@code
 * private final EventRoutes routes = EventRoutes.create()
 *         .on("delms.license.created.v1", LicenseCreated.class, licenseCounts::licenseCreated);
 * }</pre>
 */
public final class EventRoutes {

    private final Map<String, Route<?>> routes = new HashMap<>();

    private EventRoutes() {
    }

    public static EventRoutes create() {
        return new EventRoutes();
    }

    /** Handles {@code type} with its payload read as {@code dataType}. */
    public <T> EventRoutes on(String type, Class<T> dataType, Consumer<T> handler) {
        return on(type, dataType, (event, data) -> handler.accept(data));
    }

    /** Handles {@code type} with the envelope (id, subject, time, ...) and its payload. */
    public <T> EventRoutes on(String type, Class<T> dataType, BiConsumer<InboundEvent, T> handler) {
        routes.put(type, new Route<>(dataType, handler));
        return this;
    }

    Optional<Route<?>> route(String type) {
        return Optional.ofNullable(routes.get(type));
    }

    record Route<T>(Class<T> dataType, BiConsumer<InboundEvent, T> handler) {

        void dispatch(InboundEvent event) {
            handler.accept(event, event.data(dataType));
        }
    }
}
