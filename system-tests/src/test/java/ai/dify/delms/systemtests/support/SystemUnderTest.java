package ai.dify.delms.systemtests.support;

import java.net.URI;
import java.nio.file.Path;

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

    /** The Keycloak realm, which is also the issuer every service expects in tokens. */
    public static String keycloakRealm() {
        return stripTrailingSlash(setting("delms.keycloak.realm-url", "DELMS_ISSUER_URI", "http://localhost:8180/realms/delms"));
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
