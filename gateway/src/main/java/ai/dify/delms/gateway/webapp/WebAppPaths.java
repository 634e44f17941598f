package ai.dify.delms.gateway.webapp;

import java.util.List;

/**
 * Which request paths belong to the browser app (the SPA) rather than to the API: one rule for the
 * handler that serves the app and for the security rule that makes it public.
 */
public final class WebAppPaths {

    /** Hashed build output: cached for a year, and a missing one is a 404, never the app's page. */
    static final String ASSETS = "/assets/";

    /** The API, the docs' configuration, probes and the circuit breakers' fallback: never the app. */
    private static final List<String> NOT_THE_APP = List.of("/api", "/v3", "/actuator", "/fallback");

    private WebAppPaths() {
    }

    /** A path the app may answer: anything outside the API and the gateway's own endpoints. */
    public static boolean isAppPath(String path) {
        return NOT_THE_APP.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /**
     * A link into the app ({@code /}, {@code /licenses/ENT-202612-000001}): the app's page answers it
     * and its router shows the view, so that a reload or a bookmark works. A last segment with a dot
     * names a file, which is either there or a 404.
     */
    static boolean isDeepLink(String path) {
        return isAppPath(path) && !path.startsWith(ASSETS) && !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /** {@code /favicon.svg}: a single segment with a dot, outside the assets. */
    static boolean isRootFile(String path) {
        return path.lastIndexOf('/') == 0 && path.contains(".") && isAppPath(path);
    }
}
