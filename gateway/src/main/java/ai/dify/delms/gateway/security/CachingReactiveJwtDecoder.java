package ai.dify.delms.gateway.security;

import ai.dify.delms.platform.security.tokens.VerifiedTokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/** A {@link ReactiveJwtDecoder} that verifies a token once and then answers from {@link VerifiedTokens}. */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final VerifiedTokens verified;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder verifier, VerifiedTokens verified) {
        this.verifier = verifier;
        this.verified = verified;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt cached = verified.get(token);
        if (cached != null) {
            return Mono.just(cached);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
