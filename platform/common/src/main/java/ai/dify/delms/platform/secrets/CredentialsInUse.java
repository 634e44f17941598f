package ai.dify.delms.platform.secrets;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The credentials an application's configuration makes it use: its database password, the
 * basic-auth passwords it sends to config-server and Eureka, the one it demands itself
 * (discovery and config-server), and license-service's key-encryption keys of license signing
 * keys. A client switched off (as in module tests) needs none.
 */
final class CredentialsInUse {

    static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    static final String CONFIG_PASSWORD = "spring.cloud.config.password";
    static final String EUREKA_URL = "eureka.client.service-url.defaultZone";
    static final String OWN_USER_PASSWORD = "spring.security.user.password";
    static final String LICENSE_FILES_KEK = "delms.license-files.key-encryption-key";
    /** Set only while the KEK is changed; then it must be a real key too. */
    static final String LICENSE_FILES_PREVIOUS_KEK = "delms.license-files.previous-key-encryption-key";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");

    private CredentialsInUse() {
    }

    static List<Credential> of(ConfigurableEnvironment environment) {
        List<Credential> credentials = new ArrayList<>();
        if (environment.containsProperty("spring.datasource.url")) {
            credentials.add(credential(environment, DATASOURCE_PASSWORD));
        }
        if (usesConfigServer(environment)) {
            credentials.add(credential(environment, CONFIG_PASSWORD));
        }
        if (usesEureka(environment)) {
            credentials.addAll(eurekaPasswords(environment));
        }
        if (environment.containsProperty("spring.security.user.name")) {
            credentials.add(credential(environment, OWN_USER_PASSWORD));
        }
        if (environment.containsProperty(LICENSE_FILES_KEK)) {
            credentials.add(credential(environment, LICENSE_FILES_KEK));
        }
        if (!value(environment, LICENSE_FILES_PREVIOUS_KEK).isBlank()) {
            credentials.add(credential(environment, LICENSE_FILES_PREVIOUS_KEK));
        }
        return credentials;
    }

    private static boolean usesConfigServer(ConfigurableEnvironment environment) {
        return flag(environment, "spring.cloud.config.enabled")
                && value(environment, "spring.config.import").contains("configserver:");
    }

    private static boolean usesEureka(ConfigurableEnvironment environment) {
        return flag(environment, "eureka.client.enabled")
                && (flag(environment, "eureka.client.register-with-eureka") || flag(environment, "eureka.client.fetch-registry"))
                && environment.containsProperty(EUREKA_URL);
    }

    /** The Eureka client takes basic auth only from the registry URLs' user info ({@code user:password@}). */
    private static List<Credential> eurekaPasswords(ConfigurableEnvironment environment) {
        String variable = variableOf(environment, EUREKA_URL);
        List<Credential> credentials = new ArrayList<>();
        for (String url : value(environment, EUREKA_URL).split(",")) {
            credentials.add(new Credential(EUREKA_URL, passwordIn(url.trim()), variable));
        }
        return credentials;
    }

    private static String passwordIn(String url) {
        try {
            String userInfo = URI.create(url).getRawUserInfo();
            int colon = userInfo == null ? -1 : userInfo.indexOf(':');
            return colon < 0 ? null : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Credential credential(ConfigurableEnvironment environment, String property) {
        return new Credential(property, value(environment, property), variableOf(environment, property));
    }

    /** The resolved value; a placeholder without a default whose variable is unset counts as empty. */
    private static String value(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property, "");
        } catch (IllegalArgumentException unresolvable) {
            return "";
        }
    }

    private static boolean flag(ConfigurableEnvironment environment, String property) {
        return !"false".equalsIgnoreCase(value(environment, property).trim());
    }

    /**
     * The environment variable behind a property, from the placeholder in its configured (raw)
     * value, e.g. {@code ${DELMS_LICENSE_DB_PASSWORD:}}; of several, the one naming a password.
     */
    static String variableOf(ConfigurableEnvironment environment, String property) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getProperty(property) instanceof String raw) {
                List<String> names = new ArrayList<>();
                Matcher placeholder = PLACEHOLDER.matcher(raw);
                while (placeholder.find()) {
                    names.add(placeholder.group(1));
                }
                return names.stream().filter(name -> name.contains("PASSWORD")).findFirst()
                        .orElse(names.size() == 1 ? names.get(0) : null);
            }
        }
        return null;
    }
}
