package ai.dify.delms.systemtests.security;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The roles table of docs/security.md ("Roles") as data: every route the gateway serves, tried by
 * every role, must get exactly the status written here. The tests are generated from the table; a
 * second test reads the OpenAPI documents of all services and fails when an endpoint exists that
 * the table does not name, so a new endpoint cannot ship without a decision on who may call it.
 * <p>
 * Requests are chosen to change nothing (the admin's alert rebuild, license snapshot and license signing key
 * rotation aside, which are harmless): unknown ids ({@code {license}}, {@code {uuid}}) and bodies
 * that fail validation. An allowed role therefore gets 200 for a list, 404 for an unknown id or 400
 * for an invalid body; a role without the right gets 403 before the body is even read; no token 401.
 * Where the rule depends on the body (which transition, which deployment move), the row carries it.
 * Requests accept JSON only, so an allowed role asking for a license file (text/plain) gets 406.
 */
@SystemTest
@Order(12)
class RoleMatrixIT {

    private static final String UNKNOWN_LICENSE = "ENT-209901-999999";
    private static final String UNKNOWN_UUID = "3f1c2e0a-0000-4000-8000-000000000000";
    private static final String PERIOD = "?from=2026-01-01&to=2026-12-31";

    // method | path | body ("-" none) | admin | sales | engineer | partner | none
    private static final String MATRIX = """
            | GET    | /api/v1/licenses                             | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/licenses                             | {}                                     | 400 | 400 | 403 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}                   | -                                      | 404 | 404 | 404 | 403 | 401 |
            | PUT    | /api/v1/licenses/{license}                   | {}                                     | 400 | 400 | 403 | 403 | 401 |
            | PATCH  | /api/v1/licenses/{license}                   | {}                                     | 404 | 404 | 403 | 403 | 401 |
            | POST   | /api/v1/licenses/{license}/transitions       | {"to":"SUSPENDED","reason":"matrix"}   | 404 | 404 | 403 | 403 | 401 |
            | POST   | /api/v1/licenses/{license}/transitions       | {"to":"TERMINATED","reason":"matrix"}  | 404 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}/changes           | -                                      | 404 | 404 | 404 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}/timeline          | -                                      | 404 | 404 | 404 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}/usage             | -                                      | 404 | 404 | 404 | 403 | 401 |
            | POST   | /api/v1/licenses/{license}/usage             | {"workspaces":1,"users":1}             | 404 | 403 | 404 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}/file              | -                                      | 406 | 406 | 406 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}/files             | -                                      | 404 | 404 | 404 | 403 | 401 |
            | GET    | /api/v1/licenses/{license}/instances         | -                                      | 404 | 404 | 404 | 403 | 401 |
            | POST   | /api/v1/licenses/{license}/instances         | {}                                     | 400 | 403 | 400 | 403 | 401 |
            | POST   | /api/v1/licenses/{license}/instances/{uuid}/deactivate | -                            | 404 | 403 | 404 | 403 | 401 |
            | POST   | /api/v1/licenses/{license}/usage-reports/import | -                                   | 404 | 403 | 404 | 403 | 401 |
            | GET    | /api/v1/stats/licenses                       | -                                      | 200 | 200 | 200 | 403 | 401 |
            | GET    | /api/v1/licenses/snapshots                   | -                                      | 200 | 403 | 403 | 403 | 401 |
            | POST   | /api/v1/licenses/snapshots                   | -                                      | 202 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/license-keys                         | -                                      | 200 | 403 | 403 | 403 | 401 |
            | POST   | /api/v1/license-keys                         | -                                      | 201 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/license-keys/{license}               | -                                      | 404 | 403 | 403 | 403 | 401 |
            | POST   | /api/v1/license-keys/{license}/revoke        | {"reason":"matrix"}                    | 404 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/license-keys/public                  | -                                      | 200 | 200 | 200 | 200 | 200 |
            | GET    | /api/v1/customers                            | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/customers                            | {}                                     | 400 | 400 | 403 | 403 | 401 |
            | GET    | /api/v1/customers/{uuid}                     | -                                      | 404 | 404 | 404 | 403 | 401 |
            | PUT    | /api/v1/customers/{uuid}                     | {}                                     | 400 | 400 | 403 | 403 | 401 |
            | PATCH  | /api/v1/customers/{uuid}                     | {}                                     | 404 | 404 | 403 | 403 | 401 |
            | DELETE | /api/v1/customers/{uuid}                     | -                                      | 404 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/sales-reps                           | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/sales-reps                           | {}                                     | 400 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/sales-reps/{uuid}                    | -                                      | 404 | 404 | 404 | 403 | 401 |
            | PUT    | /api/v1/sales-reps/{uuid}                    | {}                                     | 400 | 403 | 403 | 403 | 401 |
            | PATCH  | /api/v1/sales-reps/{uuid}                    | {}                                     | 404 | 403 | 403 | 403 | 401 |
            | DELETE | /api/v1/sales-reps/{uuid}                    | -                                      | 404 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/resellers                            | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/resellers                            | {}                                     | 400 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/resellers/{uuid}                     | -                                      | 404 | 404 | 404 | 403 | 401 |
            | PUT    | /api/v1/resellers/{uuid}                     | {}                                     | 400 | 403 | 403 | 403 | 401 |
            | PATCH  | /api/v1/resellers/{uuid}                     | {}                                     | 404 | 403 | 403 | 403 | 401 |
            | DELETE | /api/v1/resellers/{uuid}                     | -                                      | 404 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/purchases                            | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/purchases                            | {}                                     | 400 | 400 | 403 | 403 | 401 |
            | GET    | /api/v1/purchases/{uuid}                     | -                                      | 404 | 404 | 404 | 403 | 401 |
            | GET    | /api/v1/stats/sales{period}                  | -                                      | 200 | 200 | 200 | 403 | 401 |
            | GET    | /api/v1/engineers                            | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/engineers                            | {}                                     | 400 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/engineers/{uuid}                     | -                                      | 404 | 404 | 404 | 403 | 401 |
            | PUT    | /api/v1/engineers/{uuid}                     | {}                                     | 400 | 403 | 403 | 403 | 401 |
            | PATCH  | /api/v1/engineers/{uuid}                     | {}                                     | 404 | 403 | 403 | 403 | 401 |
            | DELETE | /api/v1/engineers/{uuid}                     | -                                      | 404 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/deployments                          | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/deployments                          | {}                                     | 400 | 400 | 400 | 403 | 401 |
            | GET    | /api/v1/deployments/{uuid}                   | -                                      | 404 | 404 | 404 | 403 | 401 |
            | PUT    | /api/v1/deployments/{uuid}                   | {}                                     | 400 | 403 | 400 | 403 | 401 |
            | PATCH  | /api/v1/deployments/{uuid}                   | {}                                     | 404 | 403 | 404 | 403 | 401 |
            | DELETE | /api/v1/deployments/{uuid}                   | -                                      | 404 | 403 | 403 | 403 | 401 |
            | POST   | /api/v1/deployments/{uuid}/transitions       | {"to":"IN_PROGRESS"}                   | 404 | 403 | 404 | 403 | 401 |
            | POST   | /api/v1/deployments/{uuid}/transitions       | {"to":"CANCELLED"}                     | 404 | 403 | 404 | 403 | 401 |
            | GET    | /api/v1/deployments/{uuid}/history           | -                                      | 404 | 404 | 404 | 403 | 401 |
            | GET    | /api/v1/stats/deployments{period}            | -                                      | 200 | 200 | 200 | 403 | 401 |
            | GET    | /api/v1/alerts                               | -                                      | 200 | 200 | 200 | 403 | 401 |
            | GET    | /api/v1/alerts/{uuid}                        | -                                      | 404 | 404 | 404 | 403 | 401 |
            | POST   | /api/v1/alerts/{uuid}/acknowledge            | -                                      | 404 | 404 | 404 | 403 | 401 |
            | GET    | /api/v1/alerts/rebuild                       | -                                      | 200 | 200 | 200 | 403 | 401 |
            | POST   | /api/v1/alerts/rebuild                       | -                                      | 202 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/stats/alerts                         | -                                      | 200 | 200 | 200 | 403 | 401 |
            | GET    | /api/v1/audit/license-service                | -                                      | 200 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/audit/customer-service               | -                                      | 200 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/audit/sales-service                  | -                                      | 200 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/audit/deployment-service             | -                                      | 200 | 403 | 403 | 403 | 401 |
            | GET    | /api/v1/audit/alert-service                  | -                                      | 200 | 403 | 403 | 403 | 401 |
            | GET    | /api/partner/v1/customers                    | -                                      | 403 | 403 | 403 | 200 | 401 |
            | GET    | /api/partner/v1/customers/{uuid}             | -                                      | 403 | 403 | 403 | 404 | 401 |
            | GET    | /api/partner/v1/licenses                     | -                                      | 403 | 403 | 403 | 200 | 401 |
            | GET    | /api/partner/v1/licenses/{license}           | -                                      | 403 | 403 | 403 | 404 | 401 |
            | GET    | /api/partner/v1/licenses/{license}/timeline  | -                                      | 403 | 403 | 403 | 404 | 401 |
            | GET    | /api/partner/v1/licenses/{license}/usage     | -                                      | 403 | 403 | 403 | 404 | 401 |
            | POST   | /api/partner/v1/licenses/{license}/usage     | {"workspaces":1,"users":1}             | 403 | 403 | 403 | 404 | 401 |
            | GET    | /api/partner/v1/licenses/{license}/file      | -                                      | 403 | 403 | 403 | 406 | 401 |
            | GET    | /api/partner/v1/licenses/{license}/files     | -                                      | 403 | 403 | 403 | 404 | 401 |
            | GET    | /api/partner/v1/licenses/{license}/instances | -                                      | 403 | 403 | 403 | 404 | 401 |
            | POST   | /api/partner/v1/licenses/{license}/instances | {}                                     | 403 | 403 | 403 | 400 | 401 |
            | POST   | /api/partner/v1/licenses/{license}/instances/{uuid}/deactivate | -                    | 403 | 403 | 403 | 404 | 401 |
            | POST   | /api/partner/v1/licenses/{license}/usage-reports/import | -                           | 403 | 403 | 403 | 404 | 401 |
            | GET    | /api/partner/v1/alerts                       | -                                      | 403 | 403 | 403 | 200 | 401 |
            | GET    | /api/partner/v1/alerts/{uuid}                | -                                      | 403 | 403 | 403 | 404 | 401 |
            | GET    | /actuator/health                             | -                                      | 404 | 404 | 404 | 404 | 404 |
            | GET    | /actuator/prometheus                         | -                                      | 404 | 404 | 404 | 404 | 404 |
            | GET    | /actuator/env                                | -                                      | 404 | 404 | 404 | 404 | 404 |
            | GET    | /actuator/gateway/routes                     | -                                      | 404 | 404 | 404 | 404 | 404 |
            | GET    | /actuator/deadletters/delms.licenses         | -                                      | 404 | 404 | 404 | 404 | 404 |
            | GET    | /api/v1/docs/license-service                 | -                                      | 200 | 200 | 200 | 200 | 200 |
            | GET    | /api/v1/unknown                              | -                                      | 404 | 404 | 404 | 403 | 401 |
            """;

    private static final List<String> ROLES = List.of("admin", "sales", "engineer", "partner", "none");
    private static final List<String> SERVICES = List.of("license-service", "customer-service", "sales-service",
            "deployment-service", "alert-service");

    private static final Tokens tokens = Tokens.fromKeycloak();
    private static final Gateway gateway = Gateway.local();

    /** One row of the table. */
    record Route(String method, String path, String body, List<Integer> statusByRole) {

        static Route parse(String line) {
            String[] cells = Arrays.stream(line.trim().split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toArray(String[]::new);
            List<Integer> statuses = Arrays.stream(cells, 3, cells.length).map(Integer::valueOf).toList();
            if (statuses.size() != ROLES.size()) {
                throw new IllegalArgumentException("a status for each of " + ROLES + " in: " + line);
            }
            return new Route(cells[0], cells[1], cells[2].equals("-") ? null : cells[2], statuses);
        }

        String url() {
            return path.replace("{license}", UNKNOWN_LICENSE).replace("{uuid}", UNKNOWN_UUID).replace("{period}", PERIOD);
        }

        /** The path as the OpenAPI documents write it: every path variable as {@code {}}. */
        String template() {
            return path.replace("{period}", "").replaceAll("\\{[^}]*}", "{}");
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    static List<Route> matrix() {
        return MATRIX.lines().filter(line -> !line.isBlank()).map(Route::parse).toList();
    }

    static Stream<Arguments> everyRouteForEveryRole() {
        return matrix().stream().flatMap(route -> ROLES.stream()
                .map(role -> Arguments.of(role, route, route.statusByRole().get(ROLES.indexOf(role)))));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyRouteForEveryRole")
    void eachRoleGetsTheStatusOfTheTable(String role, Route route, int expected) {
        String contentType = route.method().equals("PATCH") ? "application/merge-patch+json" : "application/json";

        // the table never expects 429: a partner's rate limit is waited out, as a partner client would
        GatewayResponse response = Gateway.respectingRateLimit(() ->
                gateway.send(route.method(), route.url(), tokenOf(role), contentType, route.body()));

        assertThat(response.status()).as("%s as %s: %s", route, role, response).isEqualTo(expected);
        if (response.status() == 202) {
            awaitFinished(route.url());
        }
        if (expected >= 400) {
            assertThat(response.isProblem()).as("problem+json for %s", response).isTrue();
            assertThat(response.json().has("content")).as("no data in a refusal: %s", response).isFalse();
        }
    }

    @Test
    void theTableNamesEveryEndpointOfEveryServiceAndNoOther() {
        Set<String> documented = new TreeSet<>();
        for (String service : SERVICES) {
            GatewayResponse document = gateway.get("/api/v1/docs/" + service);
            assertThat(document.status()).as("%s", document).isEqualTo(200);
            document.json().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey().replaceAll("\\{[^}]*}", "{}"));
                }
            }));
        }
        Set<String> inTable = matrix().stream().filter(route -> route.path().startsWith("/api/") && !route.path().startsWith("/api/v1/docs")
                        && !route.path().equals("/api/v1/unknown"))
                .map(route -> route.method() + " " + route.template())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inTable).as("endpoints in the table (left) vs in the services' OpenAPI documents").isEqualTo(documented);
    }

    private static String tokenOf(String role) {
        return switch (role) {
            case "admin" -> tokens.alice();
            case "sales" -> tokens.bob();
            case "engineer" -> tokens.erin();
            case "partner" -> tokens.partnerAcme();
            case "none" -> null;
            default -> throw new IllegalArgumentException(role);
        };
    }

    /**
     * The allowed writes with an effect (an alert read model rebuild, a license snapshot; both harmless):
     * let them finish before other tests run. The status is read where the work was started.
     */
    private static void awaitFinished(String path) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(gateway.get(path, tokens.alice()).json().path("state").asString("")));
    }

}
