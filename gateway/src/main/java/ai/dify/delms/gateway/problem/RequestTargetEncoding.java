package ai.dify.delms.gateway.problem;

import ai.dify.delms.platform.http.PercentEncodedUtf8;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Refuses a request whose path or query is not percent-encoded UTF-8 ({@code %FF}, an encoded
 * surrogate, a sequence cut short) with 400 problem+json, before security or routing: the gateway
 * would pass it on, and what a service, a log or a browser makes of such bytes is anyone's guess.
 */
@Component
class RequestTargetEncoding implements WebFilter, Ordered {

    private final ProblemResponses problems;

    RequestTargetEncoding(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI uri = exchange.getRequest().getURI();
        if (!PercentEncodedUtf8.isValid(uri.getRawPath())) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "The path is not valid percent-encoded UTF-8.");
        }
        if (!PercentEncodedUtf8.isValid(uri.getRawQuery())) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST,
                    "The query string is not valid percent-encoded UTF-8.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // first of all: before the size limit (-200) and Spring Security's filter chain (-100)
        return -300;
    }
}
