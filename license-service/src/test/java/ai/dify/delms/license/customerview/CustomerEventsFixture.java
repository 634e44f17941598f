package ai.dify.delms.license.customerview;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import ai.dify.delms.license.customerview.internal.CustomerEvents;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;

/** Makes customers known to license-service the way production does: customer-service's events on the topic. */
public final class CustomerEventsFixture {

    private final TestKafka kafka;
    private final KnownCustomers customers;

    public CustomerEventsFixture(TestKafka kafka, KnownCustomers customers) {
        this.kafka = kafka;
        this.customers = customers;
    }

    /** A customer event as published before events carried the customer's version. */
    public static TestEvents customerEvent(String type, UUID id, String name) {
        return customerEvent(type, id, name, null);
    }

    public static TestEvents customerEvent(String type, UUID id, String name, Long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("name", name);
        data.put("region", "EMEA");
        if (version != null) {
            data.put("version", version);
        }
        return TestEvents.event(type, id.toString()).source("/delms/customer-service").data(data);
    }

    /** Publishes {@code delms.customer.created.v1} for a new customer and waits until license-service knows it. */
    public UUID knownCustomer() {
        UUID id = UUID.randomUUID();
        kafka.send(CustomerEvents.TOPIC, id.toString(),
                customerEvent(CustomerEvents.CREATED, id, "Customer " + id).toJson());
        Awaitility.await("customer " + id + " known").atMost(Duration.ofSeconds(30)).until(() -> customers.isActive(id));
        return id;
    }
}
