package ai.dify.delms.gateway.ratelimit;

import ai.dify.delms.platform.security.Roles;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Whose bucket a request takes from: a partner client's requests count per client id (the
 * {@code azp} of its client-credentials token, whichever service account it uses); a person's per
 * token subject. Security has run before routing, so API requests are authenticated here; the
 * remote address is only a fallback for a public route that opts into a limit.
 */
@Component("callerKeyResolver")
class CallerKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> keyOf((JwtAuthenticationToken) principal))
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + remoteAddress(exchange)));
    }

    private static String keyOf(JwtAuthenticationToken token) {
        String client = token.getToken().getClaimAsString("azp");
        boolean partnerClient = token.getAuthorities().stream()
                .anyMatch(authority -> ("SCOPE_" + Roles.PARTNER_API_SCOPE).equals(authority.getAuthority()));
        return partnerClient && client != null ? "client:" + client : "subject:" + token.getToken().getSubject();
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }
}
