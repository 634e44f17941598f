package ai.dify.delms.license.customerview;

import static ai.dify.delms.license.customerview.CustomerEventsFixture.customerEvent;
import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.internal.CustomerEvents;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

/** customer-service's events, put on the topic as it would, feed the customers license-service accepts. */
@DelmsServiceTest
class CustomerReadModelIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers customers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void customerCreatedEventMakesCustomerAcceptableForLicenses() throws Exception {
        UUID customerId = UUID.randomUUID();
        // not known here yet, and customer-service (not running in this test) cannot be asked
        createLicense(customerId).andExpect(status().isServiceUnavailable());

        kafka.send(CustomerEvents.TOPIC, customerId.toString(),
                customerEvent(CustomerEvents.CREATED, customerId, "Acme " + customerId).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> customers.isActive(customerId));

        createLicense(customerId).andExpect(status().isCreated());
    }

    @Test
    void deletedCustomerIsNoLongerAccepted() throws Exception {
        UUID customerId = new CustomerEventsFixture(kafka, customers).knownCustomer();
        kafka.send(CustomerEvents.TOPIC, customerId.toString(),
                customerEvent(CustomerEvents.DELETED, customerId, "gone").toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !customers.isActive(customerId));

        createLicense(customerId).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    @Test
    void sameEventTwiceHasNoSecondEffect() {
        UUID customerId = UUID.randomUUID();
        TestEvents first = customerEvent(CustomerEvents.CREATED, customerId, "First name");
        kafka.send(CustomerEvents.TOPIC, customerId.toString(), first.toJson());
        kafka.send(CustomerEvents.TOPIC, customerId.toString(),
                customerEvent(CustomerEvents.UPDATED, customerId, "Second name").toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> customers.name(customerId).filter("Second name"::equals).isPresent());

        // the first event again: handled a second time it would set the old name back
        kafka.send(CustomerEvents.TOPIC, customerId.toString(), first.toJson());
        // a later record with the same key is on the same partition: once it is seen, the duplicate was handled
        TestEvents marker = customerEvent(CustomerEvents.UPDATED, customerId, "Second name");
        kafka.send(CustomerEvents.TOPIC, customerId.toString(), marker.toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, marker.id()) == 1);

        assertThat(customers.name(customerId)).contains("Second name");
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                first.id())).isEqualTo(1);
    }

    @Test
    void anOlderCustomerEventArrivingLateChangesNothing() {
        UUID customerId = UUID.randomUUID();
        send(customerEvent(CustomerEvents.UPDATED, customerId, "Renamed", 2L));
        send(customerEvent(CustomerEvents.UPDATED, customerId, "Old name", 1L));
        TestEvents created = customerEvent(CustomerEvents.CREATED, customerId, "First name", 0L);
        send(created);
        awaitHandled(created);

        assertThat(customers.name(customerId)).contains("Renamed");
        assertThat(jdbc.queryForObject("select version from known_customer where id = ?", Long.class,
                customerId.toString())).isEqualTo(2);
    }

    @Test
    void aDeletedCustomerStaysDeletedWhateverArrivesAfter() {
        UUID customerId = UUID.randomUUID();
        send(customerEvent(CustomerEvents.CREATED, customerId, "Short-lived", 0L));
        send(customerEvent(CustomerEvents.DELETED, customerId, "Short-lived", 2L));
        TestEvents late = customerEvent(CustomerEvents.UPDATED, customerId, "Renamed", 1L);
        send(late);
        awaitHandled(late);

        assertThat(customers.isActive(customerId)).isFalse();
        assertThat(customers.name(customerId)).contains("Short-lived");
    }

    private void send(TestEvents event) {
        kafka.send(CustomerEvents.TOPIC, event.subject(), event.toJson());
    }

    private void awaitHandled(TestEvents event) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, event.id()) == 1);
    }

    @Test
    void poisonRecordEndsOnDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        // a CloudEvent whose data is not a customer: retrying cannot help
        kafka.send(CustomerEvents.TOPIC, key,
                TestEvents.event(CustomerEvents.CREATED, key).data(java.util.Map.of("colour", "blue")).toJson());

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(CustomerEvents.TOPIC + ".dlt", key);
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).contains("customer event without id");
        assertThat(TestKafka.header(dead, "kafka_dlt-original-topic")).isEqualTo(CustomerEvents.TOPIC);
    }

    private org.springframework.test.web.servlet.ResultActions createLicense(UUID customerId) throws Exception {
        return mvc.perform(post("/api/v1/licenses").header("Authorization", bearer(tokens.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content(aLicenseFor(customerId.toString()).toJson()));
    }
}
