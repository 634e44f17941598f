package ai.dify.delms.gateway;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A private, throw-away redis-server for the gateway's tests (the rate limiter's store), started
 * from the installed binary on a free port of 127.0.0.1 without persistence, stopped by its own
 * process at the end of the test JVM. {@code ./delms test} installs redis-server when missing.
 */
final class LocalRedis {

    private final int port;
    private Process process;

    private LocalRedis(int port) {
        this.port = port;
    }

    static LocalRedis start() {
        LocalRedis redis = new LocalRedis(freePort());
        redis.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
        return redis;
    }

    int port() {
        return port;
    }

    /** Stops the server, as an outage would. */
    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts it again on the same port after {@link #stop()}. */
    synchronized void launch() {
        if (process != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("delms-redis");
            process = new ProcessBuilder(binary(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!accepting()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            sleep();
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() {
        for (String candidate : new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server is not installed; ./delms test installs it (apt-get install redis-server)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
