package ai.dify.delms.platform.security.tokens;

import java.time.Clock;
import java.util.function.BiFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Wraps the application's JWT decoder (Boot's, configured by the standard properties) in one that
 * answers from {@link VerifiedTokens} (docs/decisions.md, 36): the servlet services' {@code JwtDecoder}
 * and the gateway's {@code ReactiveJwtDecoder} alike. Off with {@code delms.security.token-cache.enabled=false}.
 */
public final class VerifiedTokenCaching {

    private VerifiedTokenCaching() {
    }

    /**
     * @param decoderType the decoder interface to wrap
     * @param caching     builds the caching decoder around the verifier
     * @param cachingType the caching decoder's class, never wrapped twice
     */
    public static <D> BeanPostProcessor of(Environment environment, ObjectProvider<Clock> clock, Class<D> decoderType,
            Class<? extends D> cachingType, BiFunction<D, VerifiedTokens, D> caching) {
        TokenCacheSettings settings = TokenCacheSettings.of(environment);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (settings.enabled() && decoderType.isInstance(bean) && !cachingType.isInstance(bean)) {
                    return caching.apply(decoderType.cast(bean),
                            settings.newCache(clock.getIfAvailable(Clock::systemUTC)));
                }
                return bean;
            }
        };
    }
}
