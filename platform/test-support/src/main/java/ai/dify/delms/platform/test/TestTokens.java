package ai.dify.delms.platform.test;

import ai.dify.delms.platform.test.tokens.TestTokenIssuer;

/**
 * Real, signed tokens for the service under test, whose resource server is configured with this
 * issuer and fetches its JWKS over HTTP. Injected into {@link DelmsServiceTest} classes.
 */
public final class TestTokens {

    private final TestTokenIssuer issuer;

    public TestTokens(TestTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** The issuer, for tokens built freely ({@code issuer().token(t -> t.expired())}). */
    public TestTokenIssuer issuer() {
        return issuer;
    }

    public String adminToken() {
        return issuer.tokenFor("alice", "admin");
    }

    public String salesToken() {
        return issuer.tokenFor("bob", "sales");
    }

    public String engineerToken() {
        return issuer.tokenFor("erin", "engineer");
    }

    public String tokenFor(String username, String... roles) {
        return issuer.tokenFor(username, roles);
    }

    /** A partner client's token: role partner, scope partner-api, claim reseller_id. */
    public String partnerToken(String resellerCode) {
        return issuer.partnerToken(resellerCode);
    }

    /** A correctly signed admin token that expired an hour ago. */
    public String expiredToken() {
        return issuer.token(t -> t.subject("alice").username("alice").roles("admin").expired());
    }

    /** An admin token for another audience than {@code delms-api}. */
    public String wrongAudienceToken() {
        return issuer.token(t -> t.subject("alice").username("alice").roles("admin").audience("another-api"));
    }

    /** The {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
