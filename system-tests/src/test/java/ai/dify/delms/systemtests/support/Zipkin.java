package ai.dify.delms.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

/** Zipkin's query API (/api/v2): the traces the services exported, as an operator looks them up. */
public final class Zipkin {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Zipkin(URI base) {
        this.base = base;
    }

    public static Zipkin local() {
        return new Zipkin(SystemUnderTest.zipkin());
    }

    public URI base() {
        return base;
    }

    /** One span as Zipkin keeps it: the service is its local endpoint, the remote one where it went. */
    public record Span(String traceId, String id, String parentId, String kind, String name, String service,
            String remoteService) {

        static Span of(JsonNode span) {
            return new Span(span.path("traceId").asString(), span.path("id").asString(),
                    span.path("parentId").isMissingNode() ? null : span.path("parentId").asString(),
                    span.path("kind").asString(""), span.path("name").asString(""),
                    span.path("localEndpoint").path("serviceName").asString(""),
                    span.path("remoteEndpoint").path("serviceName").asString(""));
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "'" + (remoteService.isEmpty() ? "" : " -> " + remoteService)
                    + " (" + id + (parentId == null ? "" : " child of " + parentId) + ")";
        }
    }

    /** The spans of a trace Zipkin has received so far; empty while it knows none. */
    public List<Span> trace(String traceId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        try {
            var response = client.send(request, BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Zipkin answered " + response.statusCode() + " to " + request.uri()
                        + ": " + response.body());
            }
            List<Span> spans = new ArrayList<>();
            Json.parse(response.body()).forEach(span -> spans.add(Span.of(span)));
            return spans;
        } catch (IOException e) {
            throw new UncheckedIOException("Zipkin does not answer at " + base
                    + " (./delms up runs it unless DELMS_TRACES=off): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new W3C trace context, sampled: the request that carries it starts a trace with this id. */
    public static String newTraceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** A new random trace id (32 hex digits). */
    public static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The first span of a service of a kind, if any. */
    public static Optional<Span> find(List<Span> spans, String service, String kind) {
        return spans.stream().filter(s -> s.service().equals(service) && s.kind().equals(kind)).findFirst();
    }
}
