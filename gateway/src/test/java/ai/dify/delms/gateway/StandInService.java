package ai.dify.delms.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 standing in for one DELMS service behind the gateway: it answers
 * 200 with a small JSON body (its OpenAPI document at {@code /v3/api-docs}) and records every
 * request that reached it, headers included. A request with {@code ?answerAfterMs=N} is answered
 * N ms late, like a slow but healthy service; one with {@code ?answerCacheControl=V} carries
 * {@code Cache-Control: V}, like a cacheable answer.
 */
final class StandInService {

    /** Frozen instances' sockets, referenced so that they are never collected (and closed). */
    private static final List<ServerSocket> frozen = new CopyOnWriteArrayList<>();

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StandInService(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static StandInService start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            StandInService service = new StandInService(name, server);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                long bodyLength = exchange.getRequestBody().readAllBytes().length;
                service.received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
                        bodyLength));
                answerLateIfAsked(exchange.getRequestURI().getRawQuery());
                String body = path.equals("/v3/api-docs")
                        ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},\"paths\":{}}"
                        : "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                cacheControlAsked(exchange.getRequestURI().getRawQuery())
                        .ifPresent(value -> exchange.getResponseHeaders().set("Cache-Control", value));
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answerLateIfAsked(String query) {
        if (query != null && query.startsWith("answerAfterMs=")) {
            try {
                // The service's own processing time, not a test waiting for something.
                Thread.sleep(Long.parseLong(query.substring("answerAfterMs=".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.util.Optional<String> cacheControlAsked(String query) {
        String parameter = "answerCacheControl=";
        return query != null && query.startsWith(parameter)
                ? java.util.Optional.of(query.substring(parameter.length())) : java.util.Optional.empty();
    }

    /** A loopback address where nothing listens any more: connecting is refused, like a stopped instance. */
    static String stoppedInstanceUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A socket that completes TCP handshakes (the kernel queues them) but never reads or answers,
     * like an instance frozen with SIGSTOP. Kept open for the life of the test JVM.
     */
    static String frozenInstanceUri() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            frozen.add(socket);
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    Received lastReceived() {
        return received.get(received.size() - 1);
    }

    void stop() {
        server.stop(0);
    }

    /** One request as the service saw it, and the length of its body. */
    record Received(String method, String path, Headers headers, long bodyLength) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }
}
