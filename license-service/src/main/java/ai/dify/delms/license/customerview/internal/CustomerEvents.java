package ai.dify.delms.license.customerview.internal;

import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/**
 * The customer-service events this service reads (docs/asyncapi.yaml), with the fields it uses;
 * other fields are ignored.
 */
public final class CustomerEvents {

    public static final String TOPIC = DelmsTopics.CUSTOMERS;
    public static final String CREATED = "delms.customer.created.v1";
    public static final String UPDATED = "delms.customer.updated.v1";
    public static final String DELETED = "delms.customer.deleted.v1";

    private CustomerEvents() {
    }

    /**
     * The payload of {@value #CREATED}, {@value #UPDATED} and {@value #DELETED} alike: the customer as
     * it is (or was, before its deletion). {@code version} is absent in old events.
     */
    public record CustomerState(UUID id, String name, UUID salesRepId, UUID resellerId, Long version) {

        public CustomerState {
            if (id == null || name == null) {
                throw new IllegalArgumentException("customer event without id or name");
            }
        }
    }
}
