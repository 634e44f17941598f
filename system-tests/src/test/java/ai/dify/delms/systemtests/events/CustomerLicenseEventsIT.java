package ai.dify.delms.systemtests.events;

import ai.dify.delms.systemtests.support.CloudEvent;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.KafkaConsumerGroups;
import ai.dify.delms.systemtests.support.KafkaTopicReader;
import ai.dify.delms.systemtests.support.Licenses;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One business flow across three services and two topics: customer-service publishes the new
 * customer, license-service learns it and accepts a license, customer-service learns about the
 * license and refuses to delete the customer.
 */
@SystemTest
@Order(40)
class CustomerLicenseEventsIT {

    private static final Logger log = LoggerFactory.getLogger(CustomerLicenseEventsIT.class);
    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();

    @Test
    void licenseNeedsTheCustomerEventAndThenBlocksDeletingTheCustomer() {
        Instant start = Instant.now();
        try (KafkaTopicReader customerEvents = KafkaTopicReader.since("delms.customers", start);
             KafkaTopicReader licenseEvents = KafkaTopicReader.since("delms.licenses", start);
             KafkaConsumerGroups consumerGroups = KafkaConsumerGroups.local()) {

            GatewayResponse customer = gateway.post("/api/v1/customers", tokens.alice(), TestData.newCustomer());
            assertThat(customer.status()).as("%s", customer).isEqualTo(201);
            assertThat(customer.header("Location")).as("Location of %s", customer).isPresent();
            String customerId = customer.json().path("id").asString();
            assertThat(customerId).as("id in %s", customer).isNotBlank();

            ConsumerRecord<String, byte[]> customerRecord = customerEvents.awaitRecord("customer " + customerId,
                    r -> customerId.equals(r.key()) || customerId.equals(CloudEvent.of(r).subject()), EVENT_BOUND);
            assertEnvelope(customerRecord, "delms.customer.created.v1", customerId);

            GatewayResponse license = Licenses.createOnceCustomerIsKnown(gateway, tokens, customerId, EVENT_BOUND);
            log.info("license-service accepted a license for the new customer {} ms after the customer was created",
                    Duration.between(start, Instant.now()).toMillis());
            String licenseId = license.json().path("id").asString();
            assertThat(licenseId).as("license id in %s", license).matches(Licenses.ID_PATTERN);
            assertThat(license.header("Location")).as("Location of %s", license).isPresent();
            assertThat(gateway.get("/api/v1/licenses/" + licenseId, tokens.bob()).status()).isEqualTo(200);

            ConsumerRecord<String, byte[]> licenseRecord = licenseEvents.awaitRecord("license " + licenseId,
                    r -> licenseId.equals(r.key()) || licenseId.equals(CloudEvent.of(r).subject()), EVENT_BOUND);
            CloudEvent licenseCreated = assertEnvelope(licenseRecord, "delms.license.created.v1", licenseId);
            assertThat(licenseCreated.data().path("customerId").asString("")).as("data.customerId").isEqualTo(customerId);

            // from here on every subscriber of the license event (customer-service among them) has processed it
            List<String> groups = consumerGroups.awaitProcessedByActiveGroups(
                    new TopicPartition(licenseRecord.topic(), licenseRecord.partition()), licenseRecord.offset(), EVENT_BOUND);
            log.info("consumer groups that processed {}: {}", licenseId, groups);
            assertThat(groups).as("consumer groups reading delms.licenses").isNotEmpty();

            assertProblem(deleteRefusedWithConflict(customerId), 409);
        }
    }

    private static CloudEvent assertEnvelope(ConsumerRecord<String, byte[]> record, String type, String aggregateId) {
        CloudEvent event = CloudEvent.of(record);
        assertThat(event.specversion()).as("specversion of %s", event).isEqualTo("1.0");
        assertThat(event.type()).as("type of %s", event).isEqualTo(type);
        assertThat(event.subject()).as("subject of %s", event).isEqualTo(aggregateId);
        assertThat(event.id()).as("id of %s", event).isNotBlank();
        assertThat(event.source()).as("source of %s", event).startsWith("/delms/");
        assertThat(record.key()).as("record key of %s", event).isEqualTo(aggregateId);
        return event;
    }

    /** DELETE until it is refused; a successful delete ends the wait at once, as the customer is gone. */
    private GatewayResponse deleteRefusedWithConflict(String customerId) {
        AtomicReference<GatewayResponse> last = new AtomicReference<>();
        await("customer-service refuses to delete customer " + customerId + " that has a license")
                .atMost(EVENT_BOUND)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    GatewayResponse response = gateway.delete("/api/v1/customers/" + customerId, tokens.alice());
                    last.set(response);
                    if (response.status() / 100 == 2) {
                        throw new IllegalStateException("a customer with a license was deleted: " + response);
                    }
                    assertThat(response.status()).as("%s", response).isEqualTo(409);
                });
        return last.get();
    }
}
