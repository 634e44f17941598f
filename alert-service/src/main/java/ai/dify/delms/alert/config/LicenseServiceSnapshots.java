package ai.dify.delms.alert.config;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import ai.dify.delms.alert.licenseview.LicenseSnapshotRequest;
import io.micrometer.observation.ObservationRegistry;

/**
 * Asks license-service for a snapshot over HTTP: {@code POST /api/v1/licenses/snapshots} on an
 * instance found through discovery ({@code delms.alerts.rebuild.license-service-uri}, default
 * {@code http://license-service}, resolved by the load balancer), with the access token of the admin
 * who asked for the rebuild, so license-service applies its own rule (admin only) to that person.
 */
@Component
class LicenseServiceSnapshots implements LicenseSnapshotRequest {

    static final String PATH = "/api/v1/licenses/snapshots";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectProvider<ObservationRegistry> observations;
    private final ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer;
    private final String licenseServiceUri;

    LicenseServiceSnapshots(ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer,
            @Value("${delms.alerts.rebuild.license-service-uri:http://license-service}") String licenseServiceUri) {
        this.observations = observations;
        this.loadBalancer = loadBalancer;
        this.licenseServiceUri = licenseServiceUri;
    }

    @Override
    public Optional<Snapshot> request(String accessToken) {
        return licenseService().post().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                        return Optional.empty();
                    }
                    if (!response.getStatusCode().isSameCodeAs(HttpStatus.ACCEPTED)) {
                        throw new IllegalStateException("license-service answered " + response.getStatusCode().value()
                                + " to POST " + PATH);
                    }
                    Started started = response.bodyTo(Started.class);
                    if (started == null || started.id() == null || started.licenseCount() == null) {
                        throw new IllegalStateException("license-service's answer to POST " + PATH
                                + " names no snapshot id or license count");
                    }
                    return Optional.of(new Snapshot(started.id(), started.licenseCount()));
                });
    }

    /** The part of license-service's answer (the snapshot's status) this service uses. */
    record Started(UUID id, Long licenseCount) {
    }

    /** Built when needed: without discovery (some tests) there is no load balancer, and only a request fails. */
    private RestClient licenseService() {
        BlockingLoadBalancerInterceptor instances = loadBalancer.getIfAvailable();
        if (instances == null) {
            throw new IllegalStateException("no load balancer to find license-service (is discovery off?)");
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        // observed: the request carries the rebuild's trace context to license-service
        return RestClient.builder().baseUrl(licenseServiceUri).requestFactory(requests).requestInterceptor(instances)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
    }
}
