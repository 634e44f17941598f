package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.LicenseId;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.ConflictException;

/**
 * Hands out license ids from a per-(product, month) counter row. The increment runs in the
 * creating transaction and locks the row until it ends: concurrent creations of one product in one
 * month queue up, a rollback returns the number, and the primary key of {@code license} is the
 * final guard against a duplicate.
 */
@Component
public class LicenseIdGenerator {

    private final JdbcTemplate jdbc;

    LicenseIdGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LicenseId next(String productType, YearMonth month) {
        String period = String.format("%04d%02d", month.getYear(), month.getMonthValue());
        jdbc.update("""
                insert into license_id_sequence (product_type, period, last_number) values (?, ?, 1)
                on duplicate key update last_number = last_number + 1""", productType, period);
        Integer number = jdbc.queryForObject(
                "select last_number from license_id_sequence where product_type = ? and period = ?",
                Integer.class, productType, period);
        if (number == null || number > LicenseId.MAX_NUMBER) {
            throw new ConflictException("No license ids left for " + productType + " in " + month
                    + ": all " + LicenseId.MAX_NUMBER + " were used.");
        }
        return LicenseId.of(productType, month, number);
    }
}
