package ai.dify.delms.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses request targets with {@code %00}, an encoded slash or
 * backslash, {@code ..}, a line break and the like; its own handler answers an empty 400. This one
 * answers 400 problem+json, like every other refusal.
 */
@Component
class RejectedRequestProblems implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    RejectedRequestProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.BAD_REQUEST, "The request target holds "
                + "a character or sequence the gateway refuses (NUL, an encoded slash or backslash, '..', a line break).");
        // the refused target is not repeated back: it is exactly what the gateway will not handle
        problem.setInstance(null);
        return problems.write(exchange, problem);
    }
}
