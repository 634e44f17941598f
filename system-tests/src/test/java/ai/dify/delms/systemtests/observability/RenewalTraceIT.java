package ai.dify.delms.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Licenses;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import ai.dify.delms.systemtests.support.Zipkin;
import ai.dify.delms.systemtests.support.Zipkin.Span;

/**
 * A renewal, as an operator follows it in Zipkin (docs/observability.md): one trace from the
 * gateway through sales-service, which records the purchase, over Kafka to license-service, which
 * extends the license and publishes that in turn (docs/decisions.md, 35).
 */
@SystemTest
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RenewalTraceIT {

    private static final Duration BOUND = Duration.ofSeconds(90);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();
    private final Zipkin zipkin = Zipkin.local();

    @Test
    void aRenewalIsOneTraceThroughGatewaySalesServiceKafkaAndLicenseService() {
        GatewayResponse customer = gateway.post("/api/v1/customers", tokens.bob(), TestData.newCustomer());
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        GatewayResponse license = Licenses.createOnceCustomerIsKnown(gateway, tokens,
                customer.json().path("id").asString(), BOUND);
        String licenseId = license.json().path("id").asString();
        LocalDate paidUntil = LocalDate.parse(license.json().path("expiryDate").asString()).plusYears(1);

        String traceId = recordRenewal(licenseId, LocalDate.parse(license.json().path("expiryDate").asString()),
                paidUntil);

        await("license-service extends the license").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(gateway.get("/api/v1/licenses/" + licenseId, tokens.bob()).json()
                        .path("expiryDate").asString()).isEqualTo(paidUntil.toString()));

        AtomicReference<List<Span>> trace = new AtomicReference<>(List.of());
        await("Zipkin has the renewal's trace " + traceId + " from every service").atMost(BOUND)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    trace.set(zipkin.trace(traceId));
                    assertRenewalTrace(trace.get());
                });
        assertThat(trace.get()).extracting(Span::traceId).containsOnly(traceId);
    }

    /**
     * Records the renewal in a trace of its own; sales-service may refuse it (4xx) until it has
     * heard of the new license, so a refused attempt is repeated, each in a new trace.
     *
     * @return the trace id of the request sales-service accepted
     */
    private String recordRenewal(String licenseId, LocalDate periodStart, LocalDate periodEnd) {
        Map<String, Object> purchase = new LinkedHashMap<>();
        purchase.put("licenseId", licenseId);
        purchase.put("type", "RENEWAL");
        purchase.put("purchaseDate", LocalDate.now().toString());
        purchase.put("amount", "12000.00");
        purchase.put("currency", "EUR");
        purchase.put("periodStart", periodStart.toString());
        purchase.put("periodEnd", periodEnd.toString());
        AtomicReference<String> accepted = new AtomicReference<>();
        await("sales-service records the renewal").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    String traceId = Zipkin.newTraceId();
                    GatewayResponse recorded = gateway.post("/api/v1/purchases", tokens.bob(), purchase,
                            Map.of("traceparent", Zipkin.newTraceparent(traceId)));
                    if (!Set.of(201, 400, 404, 409, 422).contains(recorded.status())) {
                        throw new IllegalStateException("unexpected answer to the renewal: " + recorded);
                    }
                    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
                    accepted.set(traceId);
                });
        return accepted.get();
    }

    private static void assertRenewalTrace(List<Span> spans) {
        String all = "spans so far:\n  " + String.join("\n  ", spans.stream().map(Span::toString).toList());
        assertThat(Zipkin.find(spans, "gateway", "SERVER")).as("the gateway's span; " + all).isPresent();
        assertThat(Zipkin.find(spans, "sales-service", "SERVER")).as("sales-service's request span; " + all)
                .isPresent();
        Optional<Span> send = spans.stream().filter(s -> s.service().equals("sales-service")
                && s.kind().equals("PRODUCER") && s.name().equals("delms.sales send")).findFirst();
        assertThat(send).as("sales-service sending the purchase to Kafka; " + all).isPresent();
        assertThat(send.get().remoteService()).isEqualTo("kafka");
        assertThat(spans).as("license-service consuming that record, child of the send; " + all)
                .anySatisfy(s -> {
                    assertThat(s.service()).isEqualTo("license-service");
                    assertThat(s.kind()).isEqualTo("CONSUMER");
                    assertThat(s.parentId()).isEqualTo(send.get().id());
                });
        assertThat(spans).as("license-service publishing the license's change in the same trace; " + all)
                .anySatisfy(s -> {
                    assertThat(s.service()).isEqualTo("license-service");
                    assertThat(s.kind()).isEqualTo("PRODUCER");
                    assertThat(s.name()).isEqualTo("delms.licenses send");
                });
    }
}
