package ai.dify.delms.systemtests.demo;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data that {@code ./delms up} leaves on an empty system ({@code ./delms seed}): the partner
 * resellers, customers of both and direct ones, licenses in every lifecycle state with purchases of
 * every type, and a seed that creates nothing the second time. Runs first, right after {@code up}
 * seeded; on a system started with {@code DELMS_SKIP_SEED=1} the first seed run here fills it.
 */
@SystemTest
@Order(5)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoDataIT {

    private static final Logger log = LoggerFactory.getLogger(DemoDataIT.class);
    private static final List<String> DEMO_CUSTOMERS = List.of("Northwind Traders", "Blue Harbor Logistics",
            "Summit Health Group", "Redwood Analytics", "Kestrel Energy", "Lumen Retail",
            "Orion Financial Services", "Vega Manufacturing");
    private static final List<String> COUNTED = List.of("/api/v1/resellers", "/api/v1/sales-reps",
            "/api/v1/engineers", "/api/v1/customers", "/api/v1/licenses", "/api/v1/purchases", "/api/v1/deployments");

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();

    @Test
    void theSeededSystemHasSomethingInEveryStateAndASecondSeedCreatesNothing() {
        // idempotent by contract: after up's seed this run finds everything; without it, it creates the data
        SeedRun first = runSeed();
        assertThat(first.exitCode()).as("first seed run: %s", first.output()).isZero();

        assertThat(resellerCodes()).contains("acme", "globex");

        List<JsonNode> licenses = new ArrayList<>();
        for (String name : DEMO_CUSTOMERS) {
            JsonNode customer = customerNamed(name);
            licenses.addAll(list(ok(gateway.get("/api/v1/licenses?size=200&customerId=" + customer.path("id").asString(),
                    tokens.bob())).path("content")));
        }
        Set<String> statuses = new TreeSet<>();
        licenses.forEach(l -> statuses.add(l.path("status").asString()));
        log.info("demo licenses: {} in statuses {}", licenses.size(), statuses);
        assertThat(statuses).contains("CREATED", "DEPLOYED", "IN_USE", "RENEWED", "SUSPENDED", "TERMINATED");
        assertThat(licenses).anySatisfy(l -> assertThat(l.path("overused").asBoolean(false)).isTrue());
        assertThat(licenses).anySatisfy(l -> assertThat(l.path("resellerId").isNull()).isTrue());
        // the expiry job (every 5 minutes, every half minute in local runs) moves the past-due license to
        // EXPIRED; until then it waits as CREATED
        assertThat(licenses).anySatisfy(l -> {
            assertThat(LocalDate.parse(l.path("expiryDate").asString("9999-12-31"))).isBefore(LocalDate.now());
            assertThat(l.path("status").asString()).isIn("CREATED", "EXPIRED");
        });
        assertThat(licenses).anySatisfy(l -> assertThat(l.path("daysToExpiry").asInt(-1)).isBetween(0, 30));

        Set<String> purchaseTypes = new TreeSet<>();
        for (JsonNode license : licenses) {
            ok(gateway.get("/api/v1/purchases?size=200&licenseId=" + license.path("id").asString(), tokens.bob()))
                    .path("content").forEach(p -> purchaseTypes.add(p.path("type").asString()));
        }
        assertThat(purchaseTypes).containsExactlyInAnyOrder("NEW", "RENEWAL", "EXPANSION", "UPGRADE");

        Map<String, Long> before = counts();
        SeedRun second = runSeed();
        assertThat(second.exitCode()).as("second seed run: %s", second.output()).isZero();
        assertThat(second.output()).contains("nothing created");
        assertThat(counts()).as("totals after a second seed run").isEqualTo(before);
    }

    private record SeedRun(int exitCode, String output) {
    }

    /** The seed script as a user runs it, against this system's gateway and Keycloak. */
    private static SeedRun runSeed() {
        Path script = SystemUnderTest.launcher().getParent().resolve("infra/seed/demo_seed.py");
        String keycloak = SystemUnderTest.keycloakRealm().replaceFirst("/realms/[^/]+$", "");
        try {
            Path output = Files.createTempFile("demo-seed", ".log");
            ProcessBuilder builder = new ProcessBuilder("python3", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("DELMS_GATEWAY_URL", SystemUnderTest.gateway().toString());
            builder.environment().put("DELMS_KEYCLOAK_URL", keycloak);
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new SeedRun(-1, "did not finish within 4 minutes: " + Files.readString(output));
            }
            String text = Files.readString(output);
            Files.deleteIfExists(output);
            log.info("demo seed ran in {} ms:\n{}", (System.nanoTime() - started) / 1_000_000, text);
            return new SeedRun(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : COUNTED) {
            counts.put(path, ok(gateway.get(path + "?size=1", tokens.alice())).path("page").path("totalElements").asLong());
        }
        return counts;
    }

    private Set<String> resellerCodes() {
        Set<String> codes = new TreeSet<>();
        for (String code : List.of("acme", "globex")) {
            ok(gateway.get("/api/v1/resellers?size=200&q=" + code, tokens.alice())).path("content")
                    .forEach(r -> codes.add(r.path("code").asString()));
        }
        return codes;
    }

    private JsonNode customerNamed(String name) {
        JsonNode page = ok(gateway.get("/api/v1/customers?size=200&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                tokens.bob()));
        List<JsonNode> matching = list(page.path("content")).stream()
                .filter(c -> name.equalsIgnoreCase(c.path("name").asString())).toList();
        assertThat(matching).as("demo customer %s", name).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode ok(GatewayResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
