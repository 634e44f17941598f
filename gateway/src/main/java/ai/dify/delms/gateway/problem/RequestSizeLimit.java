package ai.dify.delms.gateway.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than {@code delms.http.max-request-size} (1 MB
 * by default, as in every service) with {@code 413} problem+json, before security or routing
 * look at it, so an oversized upload never travels to a service.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final DataSize limit;
    private final ProblemResponses problems;

    RequestSizeLimit(@Value("${delms.http.max-request-size:1MB}") DataSize limit, ProblemResponses problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > limit.toBytes()) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the limit of " + limit.toKilobytes() + " KB");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return -200;
    }
}
