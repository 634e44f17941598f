package ai.dify.delms.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Checks once per run that the gateway is ready and Keycloak serves the realm, so a missing stack
 * gives one clear message instead of a wall of connection errors.
 */
final class RunningSystemCheck implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystemCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("problem", key -> findProblem(), String.class);
        if (!problem.isEmpty()) {
            throw new IllegalStateException(problem + " — is the stack running? Start it with ./delms up (./delms status shows what runs).");
        }
    }

    private static String findProblem() {
        String gatewayReadiness = SystemUnderTest.gatewayHealth().toString();
        String realm = SystemUnderTest.keycloakRealm() + "/.well-known/openid-configuration";
        for (String url : new String[] {gatewayReadiness, realm}) {
            String problem = expectOk(url);
            if (problem != null) {
                return problem;
            }
        }
        return "";
    }

    private static String expectOk(String url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : url + " answered " + response.statusCode() + " " + response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + url;
        } catch (Exception e) {
            return url + " is not reachable (" + e + ")";
        }
    }
}
