package ai.dify.delms.gateway.fallback;

import ai.dify.delms.gateway.problem.ProblemResponses;
import ai.dify.delms.platform.problem.ProblemTypes;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.ConnectException;
import java.net.URI;
import java.util.Set;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * What a caller gets when a service cannot answer (no instance, connection refused, no answer in
 * time, or its circuit breaker is open), never a 500 or a hang. Reached only by the circuit
 * breakers' {@code forward:/fallback/<service-id>}.
 * <ul>
 * <li>503 problem+json naming the service, with {@code Retry-After}: the request never reached the
 *     service (nothing changed), or it is one that may be repeated (GET, PUT, DELETE).</li>
 * <li>504 problem+json of type {@code urn:delms:problem:outcome-unknown}: a POST or PATCH the service
 *     may have received and committed before it failed to answer. It says so; {@code Retry-After}
 *     only for a POST with an {@code Idempotency-Key}, whose repeat is answered with the first
 *     outcome (docs/decisions.md, 22).</li>
 * </ul>
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    /** Seconds a client should wait: about one circuit breaker half-open probe. */
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<HttpMethod> NOT_IDEMPOTENT = Set.of(HttpMethod.POST, HttpMethod.PATCH);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = RequestedPath.of(exchange);
        HttpMethod method = exchange.getRequest().getMethod();
        log.warn("{} unavailable for {} {}: {}", service, method, path, cause == null ? "circuit open" : cause.toString());

        if (NOT_IDEMPOTENT.contains(method) && mayHaveReachedTheService(cause)) {
            return outcomeUnknown(service, path, exchange);
        }
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable, try again shortly");
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> outcomeUnknown(String service, String path,
            ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean keyed = method == HttpMethod.POST && exchange.getRequest().getHeaders().containsHeader(IDEMPOTENCY_KEY);
        String unknown = service + " did not answer in time: the request may or may not have taken effect. ";
        String advice;
        if (keyed) {
            advice = "Sending it again with the same Idempotency-Key is safe: it is answered with the outcome of "
                    + "the first.";
        } else if (method == HttpMethod.POST) {
            advice = "Check whether it did before sending it again, or a repeat may apply it twice; a POST sent "
                    + "with an Idempotency-Key can be repeated safely.";
        } else {
            advice = "Read the resource to see whether it did before sending it again.";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, unknown + advice);
        problem.setType(ProblemTypes.OUTCOME_UNKNOWN);
        problem.setTitle("Outcome unknown");
        problem.setInstance(URI.create(path));
        problem.setProperty("outcome", "unknown");
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (keyed) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }

    /**
     * Whether the request may have been sent to the service: anything but an open breaker, no
     * instance, or a connection that was never made (refused, or not made in time).
     */
    private static boolean mayHaveReachedTheService(Throwable cause) {
        if (cause == null) {
            return false;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException || t instanceof NotFoundException
                    || t instanceof ConnectException) {
                return false;
            }
        }
        return true;
    }
}
