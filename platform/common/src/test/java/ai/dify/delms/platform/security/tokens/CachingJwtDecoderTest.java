package ai.dify.delms.platform.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified once; the cache never answers for a token the verifier refused or that has expired. */
class CachingJwtDecoderTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final CountingVerifier verifier = new CountingVerifier();
    private final JwtDecoder decoder = new CachingJwtDecoder(verifier,
            new VerifiedTokens(100, Duration.ofSeconds(60), clock));

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheCache() {
        verifier.accept("token-a", T0.plusSeconds(300));

        Jwt first = decoder.decode("token-a");
        Jwt again = decoder.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifier.calls).containsExactly("token-a");
    }

    @Test
    void aRefusedTokenIsVerifiedEveryTimeAndNeverCached() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifier.calls).containsExactly("forged", "forged");
    }

    @Test
    void aCachedTokenIsVerifiedAgainOnceItExpires() {
        verifier.accept("token-b", T0.plusSeconds(30));
        decoder.decode("token-b");

        clock.set(T0.plusSeconds(30));
        verifier.refuse("token-b");

        assertThatThrownBy(() -> decoder.decode("token-b")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).containsExactly("token-b", "token-b");
    }

    @Test
    void aTokenIsKeptNoLongerThanTheTtlEvenWhileItIsValid() {
        verifier.accept("token-c", T0.plusSeconds(3600));
        decoder.decode("token-c");
        clock.set(T0.plusSeconds(59));
        decoder.decode("token-c");

        clock.set(T0.plusSeconds(61));
        decoder.decode("token-c");

        assertThat(verifier.calls).containsExactly("token-c", "token-c");
    }

    @Test
    void differentTokensAreDifferentEntries() {
        verifier.accept("token-d", T0.plusSeconds(300));
        verifier.accept("token-e", T0.plusSeconds(300));

        assertThat(decoder.decode("token-d").getTokenValue()).isEqualTo("token-d");
        assertThat(decoder.decode("token-e").getTokenValue()).isEqualTo("token-e");
        assertThat(decoder.decode("token-d").getTokenValue()).isEqualTo("token-d");
        assertThat(verifier.calls).containsExactly("token-d", "token-e");
    }

    /** The services' clock ticks in microseconds (the chassis's Clock bean), which Clock.millis() cannot do. */
    @Test
    void worksWithAClockTickingInMicroseconds() {
        Clock micros = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
        JwtDecoder cached = new CachingJwtDecoder(verifier, new VerifiedTokens(100, Duration.ofSeconds(60), micros));
        verifier.accept("token-f", Instant.now().plusSeconds(300));

        cached.decode("token-f");
        cached.decode("token-f");

        assertThat(verifier.calls).containsExactly("token-f");
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens small = new VerifiedTokens(10, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 1000; i++) {
            small.put("token-" + i, jwt("token-" + i, T0.plusSeconds(300)));
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(T0).expiresAt(expiresAt)
                .build();
    }

    /** Stands for the signature and claims check: accepts what it was told to accept, counts its calls. */
    private static final class CountingVerifier implements JwtDecoder {
        private final Map<String, Instant> accepted = new HashMap<>();
        private final List<String> calls = new ArrayList<>();

        void accept(String token, Instant expiresAt) {
            accepted.put(token, expiresAt);
        }

        void refuse(String token) {
            accepted.remove(token);
        }

        @Override
        public Jwt decode(String token) {
            calls.add(token);
            Instant expiresAt = accepted.get(token);
            if (expiresAt == null) {
                throw new BadJwtException("refused");
            }
            return jwt(token, expiresAt);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
