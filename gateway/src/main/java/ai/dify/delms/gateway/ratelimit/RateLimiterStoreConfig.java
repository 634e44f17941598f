package ai.dify.delms.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limiter fails open when Redis does not answer. While the connection to Redis is down,
 * commands are refused at once instead of queued until the command timeout, so an outage of Redis
 * costs requests nothing; the timeout only bounds a Redis that is up but slow.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterStoreConfig {

    @Bean
    LettuceClientOptionsBuilderCustomizer refuseCommandsWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
