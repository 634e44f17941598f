package ai.dify.delms.systemtests.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Licenses;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * The writes the fault suite makes through the gateway, as a sales user would: customers,
 * licenses, changes of their limits and renewals. Every write must be acknowledged (2xx); the
 * scenarios then check that what was acknowledged reached every service.
 */
public final class LicenseTraffic {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final Gateway gateway;
    private final Tokens tokens;

    LicenseTraffic(Tokens tokens) {
        this(Gateway.local(), tokens);
    }

    /** Through the given gateway (the replicas suite: every gateway instance taking turns). */
    public LicenseTraffic(Gateway gateway, Tokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /** A customer that license-service already knows (its creation event has arrived). */
    public String knownCustomer() {
        GatewayResponse customer = gateway.post("/api/v1/customers", tokens.bob(), TestData.newCustomer());
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        String customerId = customer.json().path("id").asString();
        GatewayResponse probe = Licenses.createOnceCustomerIsKnown(gateway, tokens, customerId, Duration.ofSeconds(60));
        assertThat(probe.status()).as("%s", probe).isEqualTo(201);
        return customerId;
    }

    /** Creates a one-year license; returns its License ID. */
    public String createLicense(String customerId) {
        GatewayResponse license = gateway.post("/api/v1/licenses", tokens.bob(), TestData.newLicense(customerId));
        assertThat(license.status()).as("%s", license).isEqualTo(201);
        return license.json().path("id").asString();
    }

    /** Sets the license's authorized users (merge patch, no If-Match: last write wins on purpose). */
    void setAuthorizedUsers(String licenseId, int users) {
        GatewayResponse patched = gateway.send("PATCH", "/api/v1/licenses/" + licenseId, tokens.bob(), MERGE_PATCH,
                "{\"authorizedUsers\":" + users + "}");
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    }

    /** Records a renewal that extends the license to {@code periodEnd}; returns the purchase id. */
    public String renew(String licenseId, LocalDate periodStart, LocalDate periodEnd) {
        Map<String, Object> purchase = new LinkedHashMap<>();
        purchase.put("licenseId", licenseId);
        purchase.put("type", "RENEWAL");
        purchase.put("purchaseDate", LocalDate.now().toString());
        purchase.put("amount", "12000.00");
        purchase.put("currency", "EUR");
        purchase.put("periodStart", periodStart.toString());
        purchase.put("periodEnd", periodEnd.toString());
        GatewayResponse recorded = gateway.post("/api/v1/purchases", tokens.bob(), purchase);
        assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
        return recorded.json().path("id").asString();
    }

    /** Runs the tasks on a few threads, as several people at once; fails with the first failure. */
    public static <T> List<T> inParallel(List<Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
