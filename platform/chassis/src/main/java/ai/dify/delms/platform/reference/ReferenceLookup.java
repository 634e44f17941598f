package ai.dify.delms.platform.reference;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import ai.dify.delms.platform.problem.UnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the service that owns a resource for it, when a request names one that the local read model
 * (fed by the owner's events) does not know yet — created a moment ago, its event still on the way
 * (docs/decisions.md, 17). The owner is found through discovery and called with the caller's own
 * token, so the caller sees nothing it could not read at the owner itself.
 * <p>
 * Three answers: the resource (found), empty (the owner says 404: it does not exist), or an
 * {@link UnavailableException} (503) when the owner cannot say: no instance registered, connection
 * refused, no answer in time, a 5xx, a refusal of the token, or its circuit breaker open. A reference
 * that could not be checked is never reported as one that does not exist.
 */
public class ReferenceLookup {

    private static final Logger log = LoggerFactory.getLogger(ReferenceLookup.class);
    private static final String BREAKER_PREFIX = "reference-lookup-";

    private final Supplier<LoadBalancerClient> loadBalancer;
    private final RestClient http;
    private final JsonMapper json;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;

    ReferenceLookup(Supplier<LoadBalancerClient> loadBalancer, RestClient http, JsonMapper json,
            CircuitBreakerRegistry breakers, ReferenceLookupProperties properties) {
        this.loadBalancer = loadBalancer;
        this.http = http;
        this.json = json;
        this.breakers = breakers;
        // the gateway's breaker settings (config/gateway.yml); only failures of the owner count
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(ResourceAccessException.class, OwnerFailed.class)
                .build();
    }

    /**
     * The resource {@code id} as its owner has it now, read as {@code type} (unknown fields are ignored).
     *
     * @return empty when the owner answers 404
     * @throws UnavailableException when the owner cannot be asked or does not answer
     */
    public <T> Optional<T> find(OwnedResource resource, Object id, Class<T> type) {
        String token = callerToken().orElseThrow(() -> unavailable(resource, id, "no caller token to pass on", null));
        ServiceInstance instance = instanceOf(resource.owner())
                .orElseThrow(() -> unavailable(resource, id, resource.owner() + " has no instance registered", null));
        CircuitBreaker breaker = breakers.circuitBreaker(BREAKER_PREFIX + resource.owner(), breakerConfig);
        try {
            return breaker.executeSupplier(() -> get(instance, resource, id, token)).map(body -> json.readValue(body, type));
        } catch (CallNotPermittedException e) {
            throw unavailable(resource, id, "calls to " + resource.owner() + " are suspended after repeated failures", e);
        } catch (ResourceAccessException | OwnerFailed | OwnerRefused e) {
            throw unavailable(resource, id, resource.owner() + " did not answer: " + e.getMessage(), e);
        }
    }

    private Optional<byte[]> get(ServiceInstance instance, OwnedResource resource, Object id, String token) {
        return http.get().uri(instance.getUri() + resource.path(), id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == 404) {
                        return Optional.<byte[]>empty();
                    }
                    if (status.is2xxSuccessful()) {
                        return Optional.of(response.getBody().readAllBytes());
                    }
                    if (status.is5xxServerError()) {
                        throw new OwnerFailed("answered " + status.value());
                    }
                    // 401/403 (a token that expired on the way, a role the owner refuses): not the owner's fault
                    throw new OwnerRefused("answered " + status.value());
                });
    }

    private Optional<ServiceInstance> instanceOf(String owner) {
        LoadBalancerClient client = loadBalancer.get();
        if (client == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(client.choose(owner));
        } catch (RuntimeException e) {
            // no discovery client to ask (discovery switched off): nothing to call
            log.debug("No instance of {} to choose from", owner, e);
            return Optional.empty();
        }
    }

    private static Optional<String> callerToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                ? Optional.of(token.getToken().getTokenValue())
                : Optional.empty();
    }

    private static UnavailableException unavailable(OwnedResource resource, Object id, String reason, Throwable cause) {
        log.warn("Could not check {} {} at {}: {}", resource.name(), id, resource.owner(), reason);
        return new UnavailableException("The " + resource.name() + " " + id + " could not be checked: "
                + resource.owner() + " is not available. Try again shortly.", cause);
    }

    /** The owner failed (5xx): counts against its breaker. */
    private static final class OwnerFailed extends RuntimeException {
        OwnerFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** The owner refused to answer this caller: not a failure of the owner. */
    private static final class OwnerRefused extends RuntimeException {
        OwnerRefused(String message) {
            super(message, null, false, false);
        }
    }
}
