package ai.dify.delms.platform.partner;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/**
 * Who may call the partner API, checked in every service and not only at the gateway: a token
 * with role {@code partner}, scope {@code partner-api} and a {@code reseller_id} claim. Anything
 * less is 403 (no token: 401).
 *
 * <pre>{@code
 * @Bean
 * ServiceAccessRules partnerAccessRules() {
 *     return PartnerAccess.rules();   // every method under /api/partner/v1/**
 * }
 * // or, per endpoint, inside the service's own rules:
 * .requestMatchers(HttpMethod.GET, "/api/partner/v1/alerts", "/api/partner/v1/alerts/*").access(PartnerAccess.partner())
 * }</pre>
 */
public final class PartnerAccess {

    /** Where every service serves its partner endpoints. */
    public static final String PATH = "/api/partner/v1";

    static final String RESELLER_CLAIM = "reseller_id";

    private static final AuthorizationManager<RequestAuthorizationContext> PARTNER = new PartnerAuthorizationManager();

    private PartnerAccess() {
    }

    /** The rule for partner requests: role, scope and reseller claim. */
    public static AuthorizationManager<RequestAuthorizationContext> partner() {
        return PARTNER;
    }

    /** Access rules that let only partners (see {@link #partner()}) call anything under {@value #PATH}. */
    public static ServiceAccessRules rules() {
        return rules -> rules.requestMatchers(PATH + "/**").access(PARTNER);
    }

    /** Whether the authentication is a partner token the partner API accepts. */
    public static boolean isPartner(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !authentication.isAuthenticated()) {
            return false;
        }
        String claim = token.getToken().getClaimAsString(RESELLER_CLAIM);
        return claim != null && !claim.isBlank()
                && hasAuthority(authentication, "ROLE_" + Roles.PARTNER)
                && hasAuthority(authentication, "SCOPE_" + Roles.PARTNER_API_SCOPE);
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    private static final class PartnerAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                RequestAuthorizationContext context) {
            // an anonymous caller is denied too, and then answered 401 by the entry point, not 403
            return new AuthorizationDecision(isPartner(authentication.get()));
        }
    }
}
