package ai.dify.delms.sales.stats.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.BadFieldException;
import ai.dify.delms.sales.purchase.PurchaseType;

/**
 * Sales performance for a period, in three grouped SQL queries (purchases, new licenses, licenses
 * due) whose rows are summed per rep, per reseller and in total.
 * <ul>
 * <li>purchases and revenue: purchases whose purchaseDate is in [from, to], credited to the
 * purchase's rep and reseller;</li>
 * <li>new licenses: licenses created in [from, to] (UTC), credited to the license's rep and reseller;</li>
 * <li>due: licenses one of whose expiry dates (the first one, or one a renewal replaced) is in
 * [from, to]; renewed: those with a RENEWAL purchase whose periodEnd is after that date; renewal
 * rate = renewed ÷ due (null when nothing came due).</li>
 * </ul>
 */
@Component
public class SalesStatsQuery {

    static final String PURCHASES = """
            select sales_rep_id, reseller_id, type, currency, count(*) as purchases, sum(amount) as revenue
            from purchase
            where purchase_date between ? and ? %s
            group by sales_rep_id, reseller_id, type, currency""";

    static final String NEW_LICENSES = """
            select sales_rep_id, reseller_id, count(*) as licenses
            from license_sale
            where created_at >= ? and created_at < ? %s
            group by sales_rep_id, reseller_id""";

    static final String DUE = """
            select l.sales_rep_id, l.reseller_id, count(*) as due,
                   sum(case when exists (select 1 from purchase p
                                         where p.license_id = d.license_id and p.type = 'RENEWAL'
                                           and p.period_end > d.due_date)
                            then 1 else 0 end) as renewed
            from (select license_id, min(expiry_date) as due_date
                  from license_expiry
                  where expiry_date between ? and ?
                  group by license_id) d
            join license_sale l on l.license_id = d.license_id
            where 1 = 1 %s
            group by l.sales_rep_id, l.reseller_id""";

    private final JdbcTemplate jdbc;

    SalesStatsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SalesStats compute(LocalDate from, LocalDate to, UUID salesRepId, UUID resellerId) {
        if (to.isBefore(from)) {
            throw new BadFieldException("to", "must not be before from");
        }
        if (salesRepId != null && resellerId != null) {
            throw new BadFieldException("resellerId", "cannot be combined with salesRepId");
        }
        Filter filter = new Filter(salesRepId, resellerId);
        SalesFigures.Builder totals = new SalesFigures.Builder();
        Map<String, SalesFigures.Builder> byRep = new LinkedHashMap<>();
        Map<String, SalesFigures.Builder> byReseller = new LinkedHashMap<>();
        BiConsumer<String[], Consumer<SalesFigures.Builder>> credit = (ids, add) -> {
            add.accept(totals);
            add.accept(byRep.computeIfAbsent(ids[0], k -> new SalesFigures.Builder()));
            add.accept(byReseller.computeIfAbsent(ids[1], k -> new SalesFigures.Builder()));
        };

        jdbc.query(PURCHASES.formatted(filter.sql("")), rs -> {
            PurchaseType type = PurchaseType.valueOf(rs.getString("type"));
            String currency = rs.getString("currency");
            long count = rs.getLong("purchases");
            BigDecimal revenue = rs.getBigDecimal("revenue");
            credit.accept(new String[] {rs.getString("sales_rep_id"), rs.getString("reseller_id")},
                    b -> b.addPurchases(type, currency, count, revenue));
        }, filter.args(from, to));

        jdbc.query(NEW_LICENSES.formatted(filter.sql("")), rs -> {
            long count = rs.getLong("licenses");
            credit.accept(new String[] {rs.getString("sales_rep_id"), rs.getString("reseller_id")},
                    b -> b.addNewLicenses(count));
        }, filter.args(Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)),
                Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));

        jdbc.query(DUE.formatted(filter.sql("l.")), rs -> {
            long due = rs.getLong("due");
            long renewed = rs.getLong("renewed");
            credit.accept(new String[] {rs.getString("sales_rep_id"), rs.getString("reseller_id")},
                    b -> b.addDue(due, renewed));
        }, filter.args(from, to));

        Map<String, String> repNames = names("select id, name from sales_rep", byRep.keySet());
        Map<String, String[]> resellers = resellers(byReseller.keySet());
        List<SalesStats.RepFigures> reps = new ArrayList<>();
        byRep.forEach((id, b) -> reps.add(new SalesStats.RepFigures(uuid(id), repNames.get(id), b.build())));
        reps.sort(Comparator.comparing(r -> Objects.toString(r.name(), "\uffff")));
        List<SalesStats.ResellerFigures> partners = new ArrayList<>();
        byReseller.forEach((id, b) -> {
            String[] codeAndName = resellers.getOrDefault(id, new String[2]);
            partners.add(new SalesStats.ResellerFigures(uuid(id), codeAndName[0], codeAndName[1], b.build()));
        });
        partners.sort(Comparator.comparing(r -> Objects.toString(r.code(), "\uffff")));
        if (salesRepId != null) {
            reps.removeIf(r -> !salesRepId.equals(r.salesRepId()));
        }
        if (resellerId != null) {
            partners.removeIf(r -> !resellerId.equals(r.resellerId()));
        }
        return new SalesStats(from, to, salesRepId, resellerId, totals.build(), reps, partners);
    }

    private Map<String, String> names(String select, Set<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<String> known = ids.stream().filter(Objects::nonNull).toList();
        if (!known.isEmpty()) {
            jdbc.query(select + " where id in (" + placeholders(known.size()) + ")",
                    rs -> { names.put(rs.getString(1), rs.getString(2)); }, known.toArray());
        }
        return names;
    }

    private Map<String, String[]> resellers(Set<String> ids) {
        Map<String, String[]> found = new HashMap<>();
        List<String> known = ids.stream().filter(Objects::nonNull).toList();
        if (!known.isEmpty()) {
            jdbc.query("select id, code, name from reseller where id in (" + placeholders(known.size()) + ")",
                    rs -> { found.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}); },
                    known.toArray());
        }
        return found;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The optional rep or reseller restriction, as SQL and arguments. */
    private record Filter(UUID salesRepId, UUID resellerId) {

        String sql(String alias) {
            if (salesRepId != null) {
                return "and " + alias + "sales_rep_id = ?";
            }
            if (resellerId != null) {
                return "and " + alias + "reseller_id = ?";
            }
            return "";
        }

        Object[] args(Object from, Object to) {
            if (salesRepId != null) {
                return new Object[] {from, to, salesRepId.toString()};
            }
            if (resellerId != null) {
                return new Object[] {from, to, resellerId.toString()};
            }
            return new Object[] {from, to};
        }
    }
}
