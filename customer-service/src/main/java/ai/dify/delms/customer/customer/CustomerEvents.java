package ai.dify.delms.customer.customer;

import ai.dify.delms.platform.events.DelmsTopics;
import java.util.UUID;

/** What customer-service publishes on {@value #TOPIC} (EVENTS.md). */
public final class CustomerEvents {

    public static final String TOPIC = DelmsTopics.CUSTOMERS;
    public static final String CREATED = "delms.customer.created.v1";
    public static final String UPDATED = "delms.customer.updated.v1";
    public static final String DELETED = "delms.customer.deleted.v1";

    private CustomerEvents() {
    }

    /** The payload of every customer event (v1): the customer as other services need it. */
    public record CustomerEventData(UUID id, String name, String industry, String region, String country,
            UUID salesRepId, UUID resellerId) {

        static CustomerEventData of(Customer customer) {
            return new CustomerEventData(customer.getId(), customer.getName(), customer.getIndustry(),
                    customer.getRegion(), customer.getCountry(), customer.getSalesRepId(), customer.getResellerId());
        }
    }
}
