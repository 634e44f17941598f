package ai.dify.delms.gateway.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds every request body to {@code delms.http.max-request-size} (1 MB by default, as in every
 * service) with {@code 413} problem+json. A declared Content-Length over the limit is refused before
 * security or routing look at the request; a body without one (chunked) is counted as it is read and
 * reading stops at the limit ({@link BodyTooLargeException}). The gateway reads a routed body whole
 * before passing it on (the routes' Retry filter keeps it to send again), so the count is what keeps
 * an oversized body out of its memory, and no service ever receives one.
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
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, BodyTooLargeException.detail(limit));
        }
        return chain.filter(exchange.mutate().request(new LimitedBodyRequest(exchange.getRequest(), limit)).build());
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return -200;
    }

    private static final class LimitedBodyRequest extends ServerHttpRequestDecorator {

        private final DataSize limit;

        LimitedBodyRequest(ServerHttpRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
