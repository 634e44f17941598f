package ai.dify.delms.gateway.fallback;

import ai.dify.delms.gateway.problem.ProblemResponses;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * What a caller gets when a service cannot answer (no instance, connection refused, no answer in
 * time, or its circuit breaker is open): 503 problem+json naming the service, never a 500 or a hang.
 * Reached only by the circuit breakers' {@code forward:/fallback/<service-id>}.
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    /** Seconds a client should wait: about one circuit breaker half-open probe. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = RequestedPath.of(exchange);
        log.warn("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(), path,
                cause == null ? "circuit open" : cause.toString());

        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable, try again shortly");
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
