package ai.dify.delms.sales.references;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.inbound.MalformedEventException;

/** The rep and reseller each customer names, kept from customer-service's events. */
@Component
public class CustomerRefs {

    private final JdbcTemplate jdbc;

    CustomerRefs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A created or updated customer: its current rep and reseller replace what was known. */
    @Transactional
    public void customerChanged(CustomerChanged customer) {
        if (customer.id() == null) {
            throw new MalformedEventException("A customer event without id");
        }
        String rep = customer.salesRepId() == null ? null : customer.salesRepId().toString();
        String reseller = customer.resellerId() == null ? null : customer.resellerId().toString();
        int updated = jdbc.update("update customer_ref set sales_rep_id = ?, reseller_id = ? where customer_id = ?",
                rep, reseller, customer.id().toString());
        if (updated == 0) {
            jdbc.update("insert into customer_ref (customer_id, sales_rep_id, reseller_id) values (?, ?, ?)",
                    customer.id().toString(), rep, reseller);
        }
    }

    @Transactional
    public void customerDeleted(CustomerChanged customer) {
        if (customer.id() != null) {
            jdbc.update("delete from customer_ref where customer_id = ?", customer.id().toString());
        }
    }

    /** The part of customer-service's payload this service uses. */
    public record CustomerChanged(UUID id, UUID salesRepId, UUID resellerId) {
    }
}
