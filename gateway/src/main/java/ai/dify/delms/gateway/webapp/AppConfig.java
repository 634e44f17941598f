package ai.dify.delms.gateway.webapp;

/**
 * {@code GET /app-config.json}: what the app needs at run time to sign in, so one build runs against
 * any Keycloak. {@code authority}: the issuer (OpenID discovery at
 * {@code <authority>/.well-known/openid-configuration}); {@code clientId}: the app's public client;
 * {@code partnerScope}: the scope a partner user asks for.
 */
record AppConfig(String authority, String clientId, String partnerScope) {
}
