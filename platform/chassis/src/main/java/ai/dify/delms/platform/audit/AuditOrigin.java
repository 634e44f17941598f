package ai.dify.delms.platform.audit;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ai.dify.delms.platform.security.CurrentActor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * Who made a write and through which request. Exists only while a request carries a token: writes
 * by event consumers and scheduled jobs have no origin and are not audited (their cause was audited
 * by the service that made the original change).
 */
record AuditOrigin(String subject, String username, String clientId, String requestMethod, String requestPath,
        String traceId) {

    /** Resolves the origin of the write being made on this thread. */
    static final class Resolver {

        private final ObjectProvider<Tracer> tracers;

        Resolver(ObjectProvider<Tracer> tracers) {
            this.tracers = tracers;
        }

        Optional<AuditOrigin> current() {
            Optional<CurrentActor> current = CurrentActor.current();
            if (current.isEmpty()) {
                return Optional.empty();
            }
            CurrentActor actor = current.get();
            String subject = actor.subject() != null ? actor.subject() : actor.clientId();
            String method = null;
            String path = null;
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                method = request.getMethod();
                // the path only: a query string may carry values nobody should find in an audit table
                path = request.getRequestURI();
            }
            return Optional.of(new AuditOrigin(subject == null ? "unknown" : subject, actor.username(),
                    actor.clientId(), method, path, traceId()));
        }

        private String traceId() {
            Tracer tracer = tracers.getIfAvailable();
            Span span = tracer == null ? null : tracer.currentSpan();
            return span == null ? null : span.context().traceId();
        }
    }
}
