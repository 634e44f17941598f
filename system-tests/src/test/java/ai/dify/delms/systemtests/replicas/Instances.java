package ai.dify.delms.systemtests.replicas;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.core.ConditionTimeoutException;

import tools.jackson.databind.JsonNode;

import ai.dify.delms.systemtests.support.Json;
import ai.dify.delms.systemtests.support.SystemUnderTest;

/**
 * The instances of every app the replicas suite runs against ({@code ./delms scale all N}), and what
 * each of them tells an operator: its readiness, its registration in discovery, its metrics.
 */
final class Instances {

    /** How many instances of each app the suite expects (at least two, or it proves nothing). */
    static final int COUNT = SystemUnderTest.replicas();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Instances() {
    }

    /** Every app's instances' readiness URLs, by the launcher's instance name. */
    static Map<String, URI> readiness() {
        Map<String, URI> all = new LinkedHashMap<>();
        for (String service : SystemUnderTest.services()) {
            List<URI> instances = SystemUnderTest.serviceInstances(service);
            for (int k = 1; k <= instances.size(); k++) {
                all.put(SystemUnderTest.instanceName(service, k), URI.create(instances.get(k - 1) + "/actuator/health/readiness"));
            }
        }
        List<URI> gateways = SystemUnderTest.gatewayInstanceHealth();
        for (int k = 1; k <= gateways.size(); k++) {
            all.put(SystemUnderTest.instanceName("gateway", k), gateways.get(k - 1));
        }
        return all;
    }

    /** Fails with the instances that are not ready within the bound, and how to start them. */
    static void awaitEveryInstanceReady(Duration bound) {
        if (COUNT < 2) {
            throw new IllegalStateException("the replicas suite needs -Ddelms.replicas=2 or more (the profile replicas sets it)");
        }
        Map<String, URI> readiness = readiness();
        Map<String, String> notReady = new TreeMap<>();
        try {
            await("every instance ready").atMost(bound).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        notReady.clear();
                        readiness.forEach((name, url) -> {
                            int status = status(url);
                            if (status != 200) {
                                notReady.put(name, url + (status < 0 ? " not reachable" : " answered " + status));
                            }
                        });
                        return notReady.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("not ready: " + notReady + " — start them with ./delms scale all " + COUNT, e);
        }
    }

    /** The ports discovery lists as UP for an app (its Eureka name is the application name). */
    static List<Integer> registeredPorts(String app) {
        String credentials = env("DELMS_EUREKA_USER", "delms") + ":" + env("DELMS_EUREKA_PASSWORD", "delms_eureka_demo");
        HttpRequest request = HttpRequest.newBuilder(URI.create(SystemUnderTest.discovery() + "/eureka/apps/" + app))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("discovery answered " + response.statusCode() + " for " + app);
        }
        JsonNode instances = Json.parse(response.body()).path("application").path("instance");
        List<JsonNode> list = new ArrayList<>();
        if (instances.isArray()) {
            instances.forEach(list::add);
        } else if (instances.isObject()) {
            list.add(instances);
        }
        return list.stream().filter(i -> "UP".equals(i.path("status").asString()))
                .map(i -> i.path("port").path("$").asInt()).sorted().toList();
    }

    /**
     * How many times an instance has run a scheduled method of the given class so far (Spring's
     * {@code tasks.scheduled.execution} timer on its {@code /actuator/prometheus}).
     */
    static long scheduledRuns(URI instance, String className) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(instance + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(20)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(instance + "/actuator/prometheus answered " + response.statusCode());
        }
        return response.body().lines()
                .filter(line -> line.startsWith("tasks_scheduled_execution_seconds_count{")
                        && line.contains("code_namespace=\"" + className + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static int status(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
