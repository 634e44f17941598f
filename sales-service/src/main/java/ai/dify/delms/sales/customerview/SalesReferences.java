package ai.dify.delms.sales.customerview;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a sales rep or reseller is still named anywhere this service knows of: by a purchase,
 * by a license (license feed) or by a customer (customer feed). A referenced one is deactivated,
 * not deleted, so the names in old records keep resolving.
 */
@Component
public class SalesReferences {

    private final JdbcTemplate jdbc;

    SalesReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public References ofSalesRep(UUID id) {
        return count("sales_rep_id", id.toString());
    }

    @Transactional(readOnly = true)
    public References ofReseller(UUID id) {
        return count("reseller_id", id.toString());
    }

    private References count(String column, String id) {
        return new References(
                jdbc.queryForObject("select count(*) from purchase where " + column + " = ?", Long.class, id),
                jdbc.queryForObject("select count(*) from license_sale where " + column + " = ?", Long.class, id),
                jdbc.queryForObject("select count(*) from customer_ref where " + column + " = ?", Long.class, id));
    }

    /** How many purchases, licenses and customers name a rep or reseller. */
    public record References(long purchases, long licenses, long customers) {

        public boolean any() {
            return purchases + licenses + customers > 0;
        }
    }
}
