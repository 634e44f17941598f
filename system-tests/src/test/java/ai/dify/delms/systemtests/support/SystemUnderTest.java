package ai.dify.delms.systemtests.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the running system is. Each value comes from a system property, else an environment
 * variable, else where the launcher runs it: the ports and health endpoints of its component
 * table ({@link Components}).
 */
public final class SystemUnderTest {

    private SystemUnderTest() {
    }

    /** The launcher's component table, read once. */
    private static final class Table {
        static final Components COMPONENTS = Components.read(repositoryRoot().resolve(Components.TABLE));
    }

    private static Components.Component component(String name) {
        return Table.COMPONENTS.get(name);
    }

    /** The gateway: the one origin every API call goes through. */
    public static URI gateway() {
        return URI.create(stripTrailingSlash(setting("delms.gateway.url", "DELMS_GATEWAY_URL", "http://localhost:" + component("gateway").port())));
    }

    /** The gateway's management port (probes, metrics): never the public origin. */
    public static URI gatewayManagement() {
        String port = setting("delms.gateway.management-port", "DELMS_GATEWAY_MANAGEMENT_PORT",
                String.valueOf(component("gateway").probePort()));
        return URI.create(stripTrailingSlash(setting("delms.gateway.management-url", "DELMS_GATEWAY_MANAGEMENT_URL", "http://127.0.0.1:" + port)));
    }

    /** The gateway's readiness: 200 once it routes. */
    public static URI gatewayHealth() {
        return URI.create(gatewayManagement() + component("gateway").healthPath());
    }

    /**
     * How many instances of each app run ({@code delms.replicas} / {@code DELMS_REPLICAS}, 1 unless
     * given): the launcher's {@code ./delms scale all N}.
     */
    public static int replicas() {
        return Integer.parseInt(setting("delms.replicas", "DELMS_REPLICAS", "1"));
    }

    /**
     * The port of instance {@code k} (1 = the table's) of an app listening on {@code port}: the
     * launcher moves every port of instance k by 1000 * (k - 1) (docs/decisions.md, 37).
     */
    public static int instancePort(int port, int k) {
        return port + 1000 * (k - 1);
    }

    /** The launcher's name of instance k of an app: the app's name, then -2, -3, ... */
    public static String instanceName(String app, int k) {
        return k == 1 ? app : app + "-" + k;
    }

    /** Every gateway instance's public origin (the first is {@link #gateway()}). */
    public static List<URI> gatewayInstances() {
        List<URI> instances = new java.util.ArrayList<>(List.of(gateway()));
        for (int k = 2; k <= replicas(); k++) {
            instances.add(URI.create("http://localhost:" + instancePort(component("gateway").port(), k)));
        }
        return instances;
    }

    /** Every gateway instance's readiness, on its management port. */
    public static List<URI> gatewayInstanceHealth() {
        List<URI> instances = new java.util.ArrayList<>(List.of(gatewayHealth()));
        Components.Component gateway = component("gateway");
        int management = Integer.parseInt(setting("delms.gateway.management-port", "DELMS_GATEWAY_MANAGEMENT_PORT",
                String.valueOf(gateway.probePort())));
        for (int k = 2; k <= replicas(); k++) {
            instances.add(URI.create("http://127.0.0.1:" + instancePort(management, k) + gateway.healthPath()));
        }
        return instances;
    }

    /** Every instance of a service, its own address (the first is {@link #service(String)}). */
    public static List<URI> serviceInstances(String name) {
        List<URI> instances = new java.util.ArrayList<>(List.of(service(name)));
        for (int k = 2; k <= replicas(); k++) {
            instances.add(URI.create("http://127.0.0.1:" + instancePort(component(name).port(), k)));
        }
        return instances;
    }

    /** Where discovery (Eureka) answers: its registry lists every registered instance. */
    public static URI discovery() {
        return URI.create("http://127.0.0.1:" + component("discovery").port());
    }

    /** The Keycloak realm, which is also the issuer every service expects in tokens. */
    public static String keycloakRealm() {
        return stripTrailingSlash(setting("delms.keycloak.realm-url", "DELMS_ISSUER_URI",
                "http://localhost:" + component("keycloak").port() + "/realms/delms"));
    }

    /** The API services behind the gateway, by name. */
    public static List<String> services() {
        return Table.COMPONENTS.ofKind("service");
    }

    /**
     * A service's own address, as a caller that bypasses the gateway reaches it: the services
     * must then check the token themselves. {@code DELMS_<NAME>_URL}, e.g. {@code DELMS_LICENSE_SERVICE_URL}.
     */
    public static URI service(String name) {
        String variable = "DELMS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
        return URI.create(stripTrailingSlash(setting("delms." + name + ".url", variable,
                "http://127.0.0.1:" + component(name).port())));
    }

    /** A service's readiness: 200 once its database answers and its consumers have their partitions. */
    public static URI serviceHealth(String name) {
        return URI.create(service(name) + component(name).healthPath());
    }

    /**
     * A service's own database as the launcher sets it up: schema {@code delms_<name>}, user
     * {@code delms_<name>}, password {@code DELMS_<NAME>_DB_PASSWORD} [{@code delms_<name>_demo}], on
     * {@code DELMS_DB_URL} [MariaDB on 127.0.0.1 at its port in the table]. For tests that count what a read
     * model holds; name = license, customer, sales, deployment, alert.
     */
    public static DatabaseLogin database(String name) {
        String server = setting("delms.db.url", "DELMS_DB_URL", "jdbc:mariadb://127.0.0.1:" + component("mariadb").port());
        String password = setting("delms." + name + ".db.password",
                "DELMS_" + name.toUpperCase(Locale.ROOT) + "_DB_PASSWORD", "delms_" + name + "_demo");
        return new DatabaseLogin(stripTrailingSlash(server) + "/delms_" + name, "delms_" + name, password);
    }

    public record DatabaseLogin(String url, String user, String password) {
    }

    public static String kafkaBootstrap() {
        return setting("delms.kafka.bootstrap", "DELMS_KAFKA_BOOTSTRAP", "127.0.0.1:" + component("kafka").port());
    }

    /** Zipkin, where the services send their spans (the launcher runs it unless DELMS_TRACES=off). */
    public static URI zipkin() {
        return URI.create(stripTrailingSlash(setting("delms.zipkin.url", "DELMS_ZIPKIN_URL",
                "http://127.0.0.1:" + component("zipkin").port())));
    }

    /** The launcher script; relative paths resolve against the working directory (the module under Maven). */
    public static Path launcher() {
        return Path.of(setting("delms.launcher", "DELMS_LAUNCHER", "../delms")).toAbsolutePath().normalize();
    }

    /** The repository the launcher belongs to. */
    public static Path repositoryRoot() {
        return launcher().getParent();
    }

    private static String setting(String property, String environmentVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
