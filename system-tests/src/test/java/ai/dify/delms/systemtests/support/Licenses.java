package ai.dify.delms.systemtests.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Creating licenses through the gateway. */
public final class Licenses {

    /** Server-generated business key: product code, year and month of creation, six digits. */
    public static final String ID_PATTERN = "^[A-Z]{3}-\\d{6}-\\d{6}$";

    private Licenses() {
    }

    /**
     * Creates a license for a customer created a moment ago. license-service accepts it at once (a
     * customer it has not heard of is looked up at customer-service, docs/decisions.md 17;
     * {@code FreshReferencesIT} holds it to that); a refusal as invalid (400/422) is still repeated
     * until it succeeds or the bound passes, so the flows built on this do not depend on how the
     * customer becomes known. Any other answer fails at once.
     *
     * @return the 201 response
     */
    public static GatewayResponse createOnceCustomerIsKnown(Gateway gateway, Tokens tokens, String customerId, Duration bound) {
        AtomicReference<GatewayResponse> last = new AtomicReference<>();
        await("license-service accepts a license for customer " + customerId)
                .atMost(bound)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    GatewayResponse response = gateway.post("/api/v1/licenses", tokens.alice(), TestData.newLicense(customerId));
                    last.set(response);
                    int status = response.status();
                    if (status != 201 && status != 400 && status != 422) {
                        throw new IllegalStateException("unexpected answer while waiting for the customer to be known: " + response);
                    }
                    assertThat(status).as("%s", response).isEqualTo(201);
                });
        return last.get();
    }
}
