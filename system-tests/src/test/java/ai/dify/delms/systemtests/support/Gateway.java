package ai.dify.delms.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A plain HTTP client of the gateway, as a script or the SPA uses it. Every request has a
 * 30 s timeout: a gateway that hangs fails the test instead of blocking it.
 */
public final class Gateway {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String API_ACCEPT = "application/json, application/problem+json";

    private final List<URI> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient client;
    private final HttpClient redirectFollowingClient;

    public Gateway(URI base) {
        this(List.of(base));
    }

    private Gateway(List<URI> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no gateway address");
        }
        this.bases = List.copyOf(bases);
        this.client = newClient(HttpClient.Redirect.NEVER);
        this.redirectFollowingClient = newClient(HttpClient.Redirect.NORMAL);
    }

    /** The gateway of the running system (see {@link SystemUnderTest}). */
    public static Gateway local() {
        return new Gateway(SystemUnderTest.gateway());
    }

    /**
     * Several instances of the gateway taking turns: each request goes to the next one, as a load
     * balancer in front of them would spread it (thread-safe).
     */
    public static Gateway takingTurns(List<URI> instances) {
        return new Gateway(instances);
    }

    /** The (first) gateway's address. */
    public URI base() {
        return bases.get(0);
    }

    /** GET without a token. */
    public GatewayResponse get(String path) {
        return get(path, null);
    }

    /** GET with a bearer token ({@code null}: none). */
    public GatewayResponse get(String path, String token) {
        return send(client, request(path, token).GET());
    }

    /** GET as a browser loads a page: no token, redirects followed. */
    public GatewayResponse getPage(String path) {
        return send(redirectFollowingClient, request(path, null).header("Accept", "text/html,*/*;q=0.8").GET());
    }

    /** POST of a JSON body (any value Jackson can write). */
    public GatewayResponse post(String path, String token, Object body) {
        BodyPublisher json = BodyPublishers.ofString(Json.write(body));
        return send(client, request(path, token).header("Content-Type", "application/json").POST(json));
    }

    /** POST of a JSON body with extra request headers (e.g. a W3C {@code traceparent}). */
    public GatewayResponse post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(Json.write(body)));
        headers.forEach(builder::header);
        return send(client, builder);
    }

    /**
     * Any request, as sent: a method, a raw body ({@code null}: none) of the given content type.
     * For tests that try every route, including the odd ones (PATCH, empty bodies).
     */
    public GatewayResponse send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder builder = request(path, token);
        if (body == null) {
            return send(client, builder.method(method, BodyPublishers.noBody()));
        }
        return send(client, builder.header("Content-Type", contentType).method(method, BodyPublishers.ofString(body)));
    }

    public GatewayResponse delete(String path, String token) {
        return send(client, request(path, token).DELETE());
    }

    /**
     * Sends a request as a well-behaved client of a rate-limited API does: on 429 it waits as long
     * as {@code Retry-After} says and tries again (a few times at most). For tests that make more
     * partner requests than the partner limit allows at once.
     */
    public static GatewayResponse respectingRateLimit(Supplier<GatewayResponse> request) {
        GatewayResponse response = request.get();
        for (int attempt = 0; attempt < 10 && response.status() == 429; attempt++) {
            long seconds = response.header("Retry-After").map(Long::parseLong).orElse(1L);
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = request.get();
        }
        return response;
    }

    /**
     * Resolves a path against the gateway (the next one, when several take turns); absolute URLs
     * (e.g. from a Location header) are kept.
     */
    public URI resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return URI.create(pathOrUrl);
        }
        URI base = bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
        return URI.create(base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", API_ACCEPT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static GatewayResponse send(HttpClient client, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            var response = client.send(request, BodyHandlers.ofString());
            return new GatewayResponse(request.method(), response.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            // a timeout lands here too: the gateway must always answer, so this is a failure, not a retry
            throw new UncheckedIOException("no answer to " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static HttpClient newClient(HttpClient.Redirect redirect) {
        // HTTP/1.1: what browsers and scripts use against a plain-HTTP origin (no h2c upgrade dance)
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(redirect)
                .build();
    }
}
