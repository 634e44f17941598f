package ai.dify.delms.customer.customer.internal;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;

/**
 * What customer-service publishes on {@value #TOPIC}, keyed by customer id (docs/asyncapi.yaml).
 * Every event's payload is the customer as other services need it, with its version after the change;
 * a reader keeps the newest version it has seen and ignores older events.
 */
public final class CustomerEvents {

    public static final String TOPIC = DelmsTopics.CUSTOMERS;
    public static final String CREATED = "delms.customer.created.v1";
    public static final String UPDATED = "delms.customer.updated.v1";
    public static final String DELETED = "delms.customer.deleted.v1";

    private CustomerEvents() {
    }

    /**
     * A customer event: topic, subject and key are the customer's, the record knows its type, and
     * the payload is {@link #customer()} written as the event's own fields.
     */
    public sealed interface CustomerEvent extends DomainEvent
            permits CustomerCreated, CustomerUpdated, CustomerDeleted {

        CustomerState customer();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return customer().id().toString();
        }

        @Override
        default long version() {
            return customer().version();
        }
    }

    /** The payload of every customer event (v1). */
    public record CustomerState(UUID id, String name, String industry, String region, String country,
            UUID salesRepId, UUID resellerId, long version) {

        static CustomerState of(Customer customer, long version) {
            return new CustomerState(customer.getId(), customer.getName(), customer.getIndustry(),
                    customer.getRegion(), customer.getCountry(), customer.getSalesRepId(), customer.getResellerId(),
                    version);
        }
    }

    /** {@value #CREATED}. */
    public record CustomerCreated(@JsonUnwrapped CustomerState customer) implements CustomerEvent {

        static CustomerCreated of(Customer customer) {
            return new CustomerCreated(CustomerState.of(customer, customer.getVersion()));
        }

        @Override
        public String type() {
            return CREATED;
        }
    }

    /** {@value #UPDATED}. */
    public record CustomerUpdated(@JsonUnwrapped CustomerState customer) implements CustomerEvent {

        static CustomerUpdated of(Customer customer) {
            return new CustomerUpdated(CustomerState.of(customer, customer.getVersion()));
        }

        @Override
        public String type() {
            return UPDATED;
        }
    }

    /** {@value #DELETED}: the customer's last state, one version on (newer than any event before it). */
    public record CustomerDeleted(@JsonUnwrapped CustomerState customer) implements CustomerEvent {

        static CustomerDeleted of(Customer customer) {
            return new CustomerDeleted(CustomerState.of(customer, customer.getVersion() + 1));
        }

        @Override
        public String type() {
            return DELETED;
        }
    }
}
