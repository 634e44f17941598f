package ai.dify.delms.platform.security.tokens;

import java.time.Clock;
import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * {@code delms.security.token-cache.*}: whether a process keeps the tokens it verified
 * ({@code enabled}, default true), how many ({@code maximum-size}, 10,000) and for how long at most
 * ({@code ttl}, 60 s; never past a token's expiry, and no longer than the verifier caches its keys).
 */
public record TokenCacheSettings(boolean enabled, int maximumSize, Duration ttl) {

    private static final String PREFIX = "delms.security.token-cache.";

    public static TokenCacheSettings of(Environment environment) {
        return new TokenCacheSettings(environment.getProperty(PREFIX + "enabled", Boolean.class, true),
                environment.getProperty(PREFIX + "maximum-size", Integer.class, 10_000),
                environment.getProperty(PREFIX + "ttl", Duration.class, Duration.ofSeconds(60)));
    }

    public VerifiedTokens newCache(Clock clock) {
        return new VerifiedTokens(maximumSize, ttl, clock);
    }
}
