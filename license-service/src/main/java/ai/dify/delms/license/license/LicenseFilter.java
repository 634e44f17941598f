package ai.dify.delms.license.license;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The list filters of {@code GET /api/v1/licenses}. {@code status}: any of the given statuses (a
 * repeated parameter, e.g. every active one). {@code expiringWithinDays}: expiry date from
 * today to today + n (already expired ones excluded). {@code overused}: the latest usage is above (true)
 * or not above (false) a limit. {@code q} searches id, notes (unless {@code searchNotes} is false) and
 * the customer's name ignoring case.
 */
public record LicenseFilter(List<LicenseStatus> status, String productType, LicenseType licenseType, UUID customerId,
        UUID salesRepId, UUID resellerId, Integer expiringWithinDays, Boolean overused, String q,
        boolean searchNotes) {

    /** A staff filter: {@code q} searches the notes too. */
    public LicenseFilter(List<LicenseStatus> status, String productType, LicenseType licenseType, UUID customerId,
            UUID salesRepId, UUID resellerId, Integer expiringWithinDays, Boolean overused, String q) {
        this(status, productType, licenseType, customerId, salesRepId, resellerId, expiringWithinDays, overused, q, true);
    }

    /**
     * This filter restricted to one reseller's licenses, as a partner may list them: no sales rep filter,
     * and {@code q} does not search the notes, which a partner cannot see (a match would reveal them).
     */
    LicenseFilter ofReseller(UUID reseller) {
        return new LicenseFilter(status, productType, licenseType, customerId, null, reseller, expiringWithinDays,
                overused, q, false);
    }

    /** The filter in words, the same whatever the order of its statuses: a list cursor holds only for it. */
    String key() {
        List<LicenseStatus> statuses = status == null ? null : status.stream().distinct().sorted().toList();
        return new LicenseFilter(statuses, productType, licenseType, customerId, salesRepId, resellerId,
                expiringWithinDays, overused, q, searchNotes).toString();
    }

    boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    /** @param customersNamed ids of customers whose name matches {@code q} */
    Specification<License> toSpecification(LocalDate today, List<UUID> customersNamed) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (status != null && !status.isEmpty()) {
                predicates.add(root.get("status").in(status));
            }
            if (productType != null && !productType.isBlank()) {
                predicates.add(cb.equal(root.get("productType"), productType));
            }
            if (licenseType != null) {
                predicates.add(cb.equal(root.get("licenseType"), licenseType));
            }
            if (customerId != null) {
                predicates.add(cb.equal(root.get("customerId"), customerId));
            }
            if (salesRepId != null) {
                predicates.add(cb.equal(root.get("salesRepId"), salesRepId));
            }
            if (resellerId != null) {
                predicates.add(cb.equal(root.get("resellerId"), resellerId));
            }
            if (expiringWithinDays != null) {
                predicates.add(cb.between(root.get("expiryDate"), today, today.plusDays(expiringWithinDays)));
            }
            if (overused != null) {
                predicates.add(cb.equal(root.get("overusedInDatabase"), overused));
            }
            if (hasQuery()) {
                String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                List<Predicate> matches = new ArrayList<>(List.of(cb.like(cb.lower(root.get("id")), pattern, '\\')));
                if (searchNotes) {
                    matches.add(cb.like(cb.lower(root.get("notes")), pattern, '\\'));
                }
                if (!customersNamed.isEmpty()) {
                    matches.add(root.get("customerId").in(customersNamed));
                }
                predicates.add(cb.or(matches.toArray(Predicate[]::new)));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
