package ai.dify.delms.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces is problem+json, whatever the caller accepts: unknown
 * paths (404), wrong methods, a service without a healthy instance when no fallback applies, and
 * a caller over its rate limit (429 with {@code Retry-After}), and unexpected failures (500 with a
 * generic detail; the cause is logged, never sent).
 * Replaces Boot's default handler, which renders HTML for browsers.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        if (statusOf(error).value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            // Token buckets refill every second: one second is always enough for the next request.
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        return problems.write(exchange, HttpStatusCode.valueOf(statusOf(error).value()), detailOf(exchange, error));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        // The rate limiter reports a refused request this way.
        return error instanceof HttpStatusCodeException refused ? refused.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = statusOf(error);
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return "No resource at " + exchange.getRequest().getPath();
        }
        if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return "Too many requests from this caller; retry after the time in Retry-After";
        }
        if (error instanceof ErrorResponse response && status.value() < 500) {
            String detail = response.getBody().getDetail();
            return detail != null ? detail : HttpStatus.valueOf(status.value()).getReasonPhrase();
        }
        log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()
                ? "An unexpected error occurred"
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
    }
}
