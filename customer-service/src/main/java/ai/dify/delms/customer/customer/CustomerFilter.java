package ai.dify.delms.customer.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The list filters of {@code GET /api/v1/customers}: {@code q} searches name, contact name and
 * contact e-mail ignoring case; the others match exactly. Absent filters match everything.
 */
public record CustomerFilter(String q, String region, UUID salesRepId, UUID resellerId) {

    Specification<Customer> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (q != null && !q.isBlank()) {
                String pattern = "%" + escape(q.strip().toLowerCase(Locale.ROOT)) + "%";
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("name")), pattern, '\\'),
                        cb.like(cb.lower(root.get("contactName")), pattern, '\\'),
                        cb.like(cb.lower(root.get("contactEmail")), pattern, '\\')));
            }
            if (region != null && !region.isBlank()) {
                predicates.add(cb.equal(root.get("region"), region));
            }
            if (salesRepId != null) {
                predicates.add(cb.equal(root.get("salesRepId"), salesRepId));
            }
            if (resellerId != null) {
                predicates.add(cb.equal(root.get("resellerId"), resellerId));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
