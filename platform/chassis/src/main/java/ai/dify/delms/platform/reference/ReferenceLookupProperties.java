package ai.dify.delms.platform.reference;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of a {@link ReferenceLookup}: a lookup runs inside the request that carries the reference,
 * so the owner gets little time before the request is answered 503.
 *
 * @param connectTimeout  to open a connection to the owner
 * @param readTimeout     for the owner's answer
 * @param breakerOpenFor  how long an owner's breaker stays open (lookups answered 503 at once) before it tries again
 */
@ConfigurationProperties("delms.references")
public record ReferenceLookupProperties(@DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout, @DefaultValue("10s") Duration breakerOpenFor) {
}
