package ai.dify.delms.gateway.fallback;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the caller asked for: a fallback is reached by forwarding, which replaces the
 * request path, and an open circuit breaker forwards before any routing has recorded it.
 */
@Component
class RequestedPath implements WebFilter, Ordered {

    private static final String ATTRIBUTE = RequestedPath.class.getName();

    static String of(ServerWebExchange exchange) {
        String path = exchange.getAttribute(ATTRIBUTE);
        return path != null ? path : exchange.getRequest().getPath().value();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
