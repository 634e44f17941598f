package ai.dify.delms.platform.secrets;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A secret an application holds: the property it is configured in, its value, and the environment
 * variable that sets it (null when the property is not set through one).
 */
record Credential(String property, String value, String variable) {

    /** Database passwords {@code delms_<name>_demo} and the like, the launcher's defaults. */
    private static final Pattern DEMO_PATTERN = Pattern.compile("delms_\\w+_demo");
    /**
     * The demo realm's Keycloak admin password and partner client secrets (README, "Demo logins"), and
     * the demo key-encryption key of license signing keys (config/license-service.yml, base64 of the
     * text "delms-license-files-kek-demo-key").
     */
    private static final Set<String> DEMO_VALUES = Set.of("admin", "acme-secret", "globex-secret",
            "ZGVsbXMtbGljZW5zZS1maWxlcy1rZWstZGVtby1rZXk=");

    boolean isEmpty() {
        return value == null || value.isBlank();
    }

    boolean isDemo() {
        return !isEmpty() && (DEMO_PATTERN.matcher(value).matches() || DEMO_VALUES.contains(value));
    }

    boolean isReal() {
        return !isEmpty() && !isDemo();
    }

    /** What is wrong and what to set, without the value itself. */
    String problem() {
        String what = isEmpty() ? "is empty" : "holds a demo value";
        String fix = variable != null ? "set the environment variable " + variable : "set " + property;
        return property + " " + what + ": " + fix + " to the deployment's secret";
    }
}
