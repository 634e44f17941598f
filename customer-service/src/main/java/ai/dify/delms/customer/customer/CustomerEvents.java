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

    /**
     * The payload of every customer event (v1): the customer as other services need it, with its
     * version after the change; a reader keeps the newest version it has seen and ignores older events.
     */
    public record CustomerEventData(UUID id, String name, String industry, String region, String country,
            UUID salesRepId, UUID resellerId, long version) {

        static CustomerEventData of(Customer customer) {
            return of(customer, customer.getVersion());
        }

        /** A deleted customer: its last state, one version on (newer than any event before it). */
        static CustomerEventData deleted(Customer customer) {
            return of(customer, customer.getVersion() + 1);
        }

        private static CustomerEventData of(Customer customer, long version) {
            return new CustomerEventData(customer.getId(), customer.getName(), customer.getIndustry(),
                    customer.getRegion(), customer.getCountry(), customer.getSalesRepId(), customer.getResellerId(),
                    version);
        }
    }
}
