package ai.dify.delms.platform.security.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** A {@link JwtDecoder} that verifies a token once and then answers from {@link VerifiedTokens}. */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final VerifiedTokens verified;

    public CachingJwtDecoder(JwtDecoder verifier, VerifiedTokens verified) {
        this.verifier = verifier;
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.get(token);
        if (cached != null) {
            return cached;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
