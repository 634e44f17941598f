package ai.dify.delms.platform.security.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.security.oauth2.jwt.Jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Tokens this process has verified, so that a caller's next requests with the same token skip the
 * signature check and claim parsing (docs/decisions.md, 36). Keyed by the SHA-256 of the token, never
 * the token itself. Only tokens the verifier accepted are kept, each until the earlier of its expiry
 * and {@code ttl} after it was verified; a refused token is verified again every time. With a
 * {@code ttl} no longer than the verifier's cache of signing keys, a cached token is one the verifier
 * would still accept: the verifier too trusts a key it has cached until it refreshes them.
 */
public final class VerifiedTokens {

    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokens(int maximumSize, Duration ttl, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> nanos(clock.instant()))
                .expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> lifetime(jwt, ttl, clock)))
                .build();
    }

    /** The verified token, if this process verified it and it has not expired since. */
    public Jwt get(String token) {
        Jwt jwt = verified.getIfPresent(key(token));
        return jwt != null && !expired(jwt) ? jwt : null;
    }

    /** Keeps a token the verifier has just accepted. */
    public void put(String token, Jwt jwt) {
        if (!expired(jwt)) {
            verified.put(key(token), jwt);
        }
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    private static Duration lifetime(Jwt jwt, Duration ttl, Clock clock) {
        if (jwt.getExpiresAt() == null) {
            return ttl;
        }
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt());
        return untilExpiry.isNegative() ? Duration.ZERO : untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl;
    }

    /** From the instant, not {@code Clock.millis()}: a clock ticking in microseconds fails there (JDK 17). */
    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
