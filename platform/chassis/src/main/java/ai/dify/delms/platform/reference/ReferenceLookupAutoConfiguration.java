package ai.dify.delms.platform.reference;

import java.net.http.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ReferenceLookup} every service uses to ask an owner about a reference its read model
 * does not know yet: discovery through Spring Cloud LoadBalancer, a Resilience4j breaker per owner,
 * the timeouts of {@link ReferenceLookupProperties}, traced like any outgoing call.
 */
@AutoConfiguration
@EnableConfigurationProperties(ReferenceLookupProperties.class)
public class ReferenceLookupAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReferenceLookup referenceLookup(ObjectProvider<LoadBalancerClient> loadBalancer, JsonMapper json,
            ObjectProvider<CircuitBreakerRegistry> breakers, ObjectProvider<ObservationRegistry> observations,
            ReferenceLookupProperties properties) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        RestClient http = RestClient.builder().requestFactory(requests)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
        return new ReferenceLookup(loadBalancer::getIfAvailable, http, json,
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults), properties);
    }
}
