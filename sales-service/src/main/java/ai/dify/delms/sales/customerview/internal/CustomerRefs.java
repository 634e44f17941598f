package ai.dify.delms.sales.customerview.internal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.inbound.MalformedEventException;
import ai.dify.delms.sales.customerview.internal.CustomerEvents.CustomerState;

/**
 * The rep and reseller each customer names, kept from customer-service's events at the newest
 * customer version seen: an older event changes nothing, and a deleted customer stays deleted
 * (a marked row naming nobody) whatever arrives after.
 */
@Component
public class CustomerRefs {

    private final JdbcTemplate jdbc;

    CustomerRefs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A created or updated customer: its current rep and reseller replace what was known, if newer. */
    @Transactional
    public void customerChanged(CustomerState customer) {
        if (customer.id() == null) {
            throw new MalformedEventException("A customer event without id");
        }
        String id = customer.id().toString();
        String rep = customer.salesRepId() == null ? null : customer.salesRepId().toString();
        String reseller = customer.resellerId() == null ? null : customer.resellerId().toString();
        List<Known> known = jdbc.query("select version, deleted from customer_ref where customer_id = ? for update",
                (row, i) -> new Known((Long) row.getObject("version", Long.class), row.getBoolean("deleted")), id);
        if (known.isEmpty()) {
            jdbc.update("insert into customer_ref (customer_id, sales_rep_id, reseller_id, version, deleted) "
                    + "values (?, ?, ?, ?, false)", id, rep, reseller, customer.version());
        } else if (!known.get(0).deleted() && isNewer(customer.version(), known.get(0).version())) {
            jdbc.update("update customer_ref set sales_rep_id = ?, reseller_id = ?, version = ? where customer_id = ?",
                    rep, reseller, customer.version(), id);
        }
    }

    /** A deleted customer names nobody any more, for good. */
    @Transactional
    public void customerDeleted(CustomerState customer) {
        if (customer.id() == null) {
            return;
        }
        String id = customer.id().toString();
        if (jdbc.update("update customer_ref set sales_rep_id = null, reseller_id = null, deleted = true, "
                + "version = greatest(coalesce(version, ?), coalesce(?, version)) where customer_id = ?",
                customer.version(), customer.version(), id) == 0) {
            jdbc.update("insert into customer_ref (customer_id, sales_rep_id, reseller_id, version, deleted) "
                    + "values (?, null, null, ?, true)", id, customer.version());
        }
    }

    /** An event without a version was published before events carried one: older than any that does. */
    private static boolean isNewer(Long incoming, Long known) {
        if (incoming == null) {
            return known == null;
        }
        return known == null || incoming > known;
    }

    private record Known(Long version, boolean deleted) {
    }
}
