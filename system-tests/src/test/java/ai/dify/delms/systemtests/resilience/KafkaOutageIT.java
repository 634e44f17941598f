package ai.dify.delms.systemtests.resilience;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Licenses;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes while the broker is down: the write succeeds, and its event is delivered once the broker
 * is back, without restarting any service (the outbox resubmits it). Destructive: runs last and
 * starts Kafka again even when it fails.
 */
@SystemTest
@Order(200)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class KafkaOutageIT {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutageIT.class);

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();
    private final Launcher launcher = Launcher.local();

    @Test
    void customerCreatedWhileKafkaIsDownReachesLicenseServiceAfterKafkaReturns() {
        tokens.alice(); // Keycloak stays up, but fetch before the outage anyway

        try (Outage kafka = Outage.stop(launcher, "kafka")) {
            long postedAt = System.nanoTime();
            GatewayResponse customer = gateway.post("/api/v1/customers", tokens.alice(), TestData.newCustomer());
            log.info("customer POST with Kafka down answered in {} ms", millisSince(postedAt));
            assertThat(customer.status()).as("%s", customer).isEqualTo(201);
            String customerId = customer.json().path("id").asString();
            assertThat(customerId).as("id in %s", customer).isNotBlank();

            kafka.end();
            long kafkaBackAt = System.nanoTime();
            GatewayResponse license = Licenses.createOnceCustomerIsKnown(gateway, tokens, customerId, Duration.ofSeconds(90));
            log.info("license-service knew the customer {} ms after Kafka was back", millisSince(kafkaBackAt));

            assertThat(license.json().path("id").asString("")).as("license id in %s", license).matches(Licenses.ID_PATTERN);
        }
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
