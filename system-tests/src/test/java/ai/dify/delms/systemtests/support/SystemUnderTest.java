package ai.dify.delms.systemtests.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the running system is. Each value comes from a system property, else an environment
 * variable, else the local default of the launcher's runtime contract.
 */
public final class SystemUnderTest {

    private SystemUnderTest() {
    }

    /** The gateway: the one origin every API call goes through. */
    public static URI gateway() {
        return URI.create(stripTrailingSlash(setting("delms.gateway.url", "DELMS_GATEWAY_URL", "http://localhost:8080")));
    }

    /** The gateway's management port (probes, metrics): never the public origin. */
    public static URI gatewayManagement() {
        return URI.create(stripTrailingSlash(setting("delms.gateway.management-url", "DELMS_GATEWAY_MANAGEMENT_URL", "http://127.0.0.1:8090")));
    }

    /** The Keycloak realm, which is also the issuer every service expects in tokens. */
    public static String keycloakRealm() {
        return stripTrailingSlash(setting("delms.keycloak.realm-url", "DELMS_ISSUER_URI", "http://localhost:8180/realms/delms"));
    }

    /** The API services behind the gateway, by name, with the ports the launcher gives them. */
    public static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "license-service", 8081, "customer-service", 8082, "sales-service", 8083,
            "deployment-service", 8084, "alert-service", 8085);

    /**
     * A service's own address, as a caller that bypasses the gateway reaches it: the services
     * must then check the token themselves. {@code DELMS_<NAME>_URL}, e.g. {@code DELMS_LICENSE_SERVICE_URL}.
     */
    public static URI service(String name) {
        String variable = "DELMS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
        return URI.create(stripTrailingSlash(setting("delms." + name + ".url", variable,
                "http://127.0.0.1:" + SERVICE_PORTS.get(name))));
    }

    /**
     * A service's own database as the launcher sets it up: schema {@code delms_<name>}, user
     * {@code delms_<name>}, password {@code DELMS_<NAME>_DB_PASSWORD} [{@code delms_<name>_demo}], on
     * {@code DELMS_DB_URL} [{@code jdbc:mariadb://127.0.0.1:3306}]. For tests that count what a read
     * model holds; name = license, customer, sales, deployment, alert.
     */
    public static DatabaseLogin database(String name) {
        String server = setting("delms.db.url", "DELMS_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
        String password = setting("delms." + name + ".db.password",
                "DELMS_" + name.toUpperCase(Locale.ROOT) + "_DB_PASSWORD", "delms_" + name + "_demo");
        return new DatabaseLogin(stripTrailingSlash(server) + "/delms_" + name, "delms_" + name, password);
    }

    public record DatabaseLogin(String url, String user, String password) {
    }

    public static String kafkaBootstrap() {
        return setting("delms.kafka.bootstrap", "DELMS_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    /** The launcher script; relative paths resolve against the working directory (the module under Maven). */
    public static Path launcher() {
        return Path.of(setting("delms.launcher", "DELMS_LAUNCHER", "../delms")).toAbsolutePath().normalize();
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
