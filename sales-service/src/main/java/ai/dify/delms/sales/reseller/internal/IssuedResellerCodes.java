package ai.dify.delms.sales.reseller.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every reseller code ever issued ({@code reseller_code}), kept when its reseller is deleted: a code
 * is never issued twice (docs/decisions.md, 23). The primary key refuses the second of two
 * concurrent creations with one code.
 */
@Component
public class IssuedResellerCodes {

    private final JdbcTemplate jdbc;

    IssuedResellerCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean issued(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from reseller_code where code = ?)",
                Boolean.class, code));
    }

    public void issue(String code, UUID resellerId, Instant at) {
        jdbc.update("insert into reseller_code (code, reseller_id, issued_at) values (?, ?, ?)", code,
                resellerId.toString(), Timestamp.from(at));
    }
}
