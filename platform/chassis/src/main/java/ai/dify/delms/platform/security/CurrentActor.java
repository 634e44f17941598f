package ai.dify.delms.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: for audit fields ({@link #auditName()}) and the partner row filter
 * ({@link #resellerId()}). Controllers may take it as a method parameter; elsewhere use
 * {@link #current()}.
 *
 * @param subject    the token's {@code sub}
 * @param username   {@code preferred_username}, if any
 * @param clientId   the client the token was issued to ({@code azp})
 * @param roles      realm roles, without the {@code ROLE_} prefix
 * @param scopes     token scopes
 * @param resellerId the {@code reseller_id} claim of a partner token, else {@code null}
 */
public record CurrentActor(String subject, String username, String clientId, Set<String> roles, Set<String> scopes,
        String resellerId) {

    /** The actor recorded when no user is involved (scheduled jobs, consumed events). */
    public static final CurrentActor SYSTEM = new CurrentActor("system", "system", null, Set.of(), Set.of(), null);

    static final String RESELLER_ID = "reseller_id";

    /** The caller of the current request, if it carries a token. */
    public static Optional<CurrentActor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token));
        }
        return Optional.empty();
    }

    /** The caller of the current request, or {@link #SYSTEM} outside a request. */
    public static CurrentActor currentOrSystem() {
        return current().orElse(SYSTEM);
    }

    static CurrentActor of(JwtAuthenticationToken token) {
        Jwt jwt = token.getToken();
        Set<String> roles = authorities(token, "ROLE_");
        Set<String> scopes = authorities(token, "SCOPE_");
        return new CurrentActor(jwt.getSubject(), jwt.getClaimAsString(KeycloakJwtAuthenticationConverter.USERNAME),
                jwt.getClaimAsString("azp"), roles, scopes, jwt.getClaimAsString(RESELLER_ID));
    }

    private static Set<String> authorities(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The name written to {@code createdBy}/{@code updatedBy} and change logs. */
    public String auditName() {
        if (username != null) {
            return username;
        }
        return subject != null ? subject : clientId;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPartner() {
        return hasRole(Roles.PARTNER);
    }

    /** The reseller a partner may see, for row filtering. */
    public Optional<String> reseller() {
        return Optional.ofNullable(resellerId);
    }
}
