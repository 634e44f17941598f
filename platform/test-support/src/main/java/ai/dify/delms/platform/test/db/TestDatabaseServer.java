package ai.dify.delms.platform.test.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import ai.dify.delms.platform.test.FixtureShutdown;

/**
 * The MySQL-compatible server that service tests run against, one per JVM, found in this order:
 * <ol>
 * <li>Testcontainers MySQL 8.4 when a Docker engine is available;</li>
 * <li>{@code DELMS_TEST_DB_URL} (server only, e.g. {@code jdbc:mariadb://127.0.0.1:3306}) with
 *     {@code DELMS_TEST_DB_USER} / {@code DELMS_TEST_DB_PASSWORD} (default root, empty);</li>
 * <li>a server on 127.0.0.1:3306 that accepts root with an empty password;</li>
 * <li>a private {@code mariadbd} (Debian package mariadb-server) started under {@code target/} on a
 *     free port and stopped, by its own process handle, when the JVM exits.</li>
 * </ol>
 * {@code DELMS_TEST_DB=private} (or {@code -Ddelms.test.db=private}) skips straight to the private
 * {@code mariadbd}. Each test context gets a fresh database with a random name ({@link #createDatabase()}), so
 * modules and contexts can share one server.
 */
public final class TestDatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(TestDatabaseServer.class);
    private static TestDatabaseServer instance;

    private final String serverUrl;
    private final String username;
    private final String password;
    private final String description;
    private final List<String> createdDatabases = new ArrayList<>();

    private TestDatabaseServer(String serverUrl, String username, String password, String description) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        this.username = username;
        this.password = password;
        this.description = description;
    }

    /** The JVM's server, started or found on first use. */
    public static synchronized TestDatabaseServer get() {
        if (instance == null) {
            // dropping the test databases must come before a private server is stopped: register it first
            FixtureShutdown.register(FixtureShutdown.Stage.DATABASE, "test databases", () -> {
                if (instance != null) {
                    instance.dropCreatedDatabases();
                }
            });
            instance = locate();
            log.info("Service tests use {}", instance.description);
        }
        return instance;
    }

    /** Creates a new, empty database and returns how to reach it. */
    public synchronized TestDatabase createDatabase() {
        String name = "delms_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        createdDatabases.add(name);
        return new TestDatabase(serverUrl + "/" + name, username, password, name);
    }

    public String description() {
        return description;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "/", username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database server " + description + ": " + sql + " failed", e);
        }
    }

    private synchronized void dropCreatedDatabases() {
        for (String name : createdDatabases) {
            try {
                execute("drop database if exists " + name);
            } catch (RuntimeException e) {
                // the private server may already be gone; nothing to clean then
                return;
            }
        }
    }

    private static TestDatabaseServer locate() {
        String mode = System.getProperty("delms.test.db", System.getenv().getOrDefault("DELMS_TEST_DB", "auto"));
        if ("private".equalsIgnoreCase(mode)) {
            // e.g. while the launcher's database on 3306 may be stopped by system tests
            return PrivateMariaDb.start();
        }
        if (dockerAvailable()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
            mysql.start();
            String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306);
            return new TestDatabaseServer(url, "root", "test", "Testcontainers MySQL 8.4 at " + url);
        }
        String configured = System.getenv("DELMS_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            return new TestDatabaseServer(configured, envOr("DELMS_TEST_DB_USER", "root"),
                    envOr("DELMS_TEST_DB_PASSWORD", ""), "DELMS_TEST_DB_URL " + configured);
        }
        String local = "jdbc:mariadb://127.0.0.1:3306";
        if (accepts(local + "/?connectTimeout=1000", "root", "")) {
            return new TestDatabaseServer(local, "root", "", "the server at 127.0.0.1:3306 (root)");
        }
        return PrivateMariaDb.start();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean accepts(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** A mariadbd of this JVM, in {@code target/delms-test-mariadb-<pid>}. */
    private static final class PrivateMariaDb {

        static TestDatabaseServer start() {
            String mariadbd = executable("mariadbd", "/usr/sbin/mariadbd");
            String installDb = executable("mariadb-install-db", "/usr/bin/mariadb-install-db");
            Path dir = Path.of("target", "delms-test-mariadb-" + ProcessHandle.current().pid()).toAbsolutePath();
            String user = System.getProperty("user.name");
            try {
                deleteRecursively(dir);
                // its own temporary directory: bootstraps running at once in other builds share /tmp otherwise
                String tmpdir = "--tmpdir=" + Files.createDirectories(dir.resolve("tmp"));
                run(List.of(installDb, "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + user,
                        "--auth-root-authentication-method=normal", "--skip-test-db", tmpdir), dir.resolve("install.log"));
                int port = freePort();
                Process process = new ProcessBuilder(mariadbd, "--no-defaults", "--datadir=" + dir.resolve("data"),
                        "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"), tmpdir,
                        "--pid-file=" + dir.resolve("mariadbd.pid"), "--log-error=" + dir.resolve("error.log"),
                        "--user=" + user, "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                        "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--max-connections=500")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
                // registered after the databases' drop step of the same stage, so it runs after it
                FixtureShutdown.register(FixtureShutdown.Stage.DATABASE, "private mariadbd", () -> stop(process, dir));
                String url = "jdbc:mariadb://127.0.0.1:" + port;
                Awaitility.await("private mariadbd on port " + port).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("mariadbd exited, see " + dir.resolve("error.log"));
                            }
                            return accepts(url + "/?connectTimeout=1000", "root", "");
                        });
                return new TestDatabaseServer(url, "root", "", "a private mariadbd at " + url + " (pid "
                        + process.pid() + ", " + dir + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start a private mariadbd in " + dir, e);
            }
        }

        private static void stop(Process process, Path dir) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                deleteRecursively(dir);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                // leftovers under target/ are removed by the next run or mvn clean
            }
        }

        private static void run(List<String> command, Path logFile) throws IOException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " failed, see " + logFile);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running " + command.get(0), e);
            }
        }

        private static String executable(String name, String fallback) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
            if (Files.isExecutable(Path.of(fallback))) {
                return fallback;
            }
            throw new IllegalStateException("No database for service tests: no Docker, no DELMS_TEST_DB_URL, nothing "
                    + "on 127.0.0.1:3306, and no " + name + " (apt-get install -y mariadb-server)");
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
