package ai.dify.delms.license.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The list filters of {@code GET /api/v1/licenses}; {@code q} searches id and notes ignoring case. */
public record LicenseFilter(LicenseStatus status, String productType, LicenseType licenseType, UUID customerId,
        UUID salesRepId, UUID resellerId, String q) {

    Specification<License> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
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
            if (q != null && !q.isBlank()) {
                String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                predicates.add(cb.or(cb.like(cb.lower(root.get("id")), pattern, '\\'),
                        cb.like(cb.lower(root.get("notes")), pattern, '\\')));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
