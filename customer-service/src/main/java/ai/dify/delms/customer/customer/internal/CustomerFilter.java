package ai.dify.delms.customer.customer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The list filters of {@code GET /api/v1/customers} (and, without the sales references, of the
 * partner list): {@code q} searches name, contact name and contact e-mail ignoring case; {@code ids}
 * (staff only) keeps those customers; the others match exactly. Absent filters match everything.
 */
public record CustomerFilter(String q, String region, String country, String industry, UUID salesRepId,
        UUID resellerId, Collection<UUID> ids) {

    /** The filters a partner may use; whose customers they are is not the partner's to choose. */
    static CustomerFilter forPartner(String q, String region, String country, String industry) {
        return new CustomerFilter(q, region, country, industry, null, null, null);
    }

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
            equalUnlessBlank(predicates, cb, root.get("region"), region);
            equalUnlessBlank(predicates, cb, root.get("country"), country);
            equalUnlessBlank(predicates, cb, root.get("industry"), industry);
            if (salesRepId != null) {
                predicates.add(cb.equal(root.get("salesRepId"), salesRepId));
            }
            if (resellerId != null) {
                predicates.add(cb.equal(root.get("resellerId"), resellerId));
            }
            if (ids != null && !ids.isEmpty()) {
                predicates.add(root.get("id").in(ids));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** Only the customers the reseller serves: part of the query, so paging counts only those. */
    static Specification<Customer> ofReseller(UUID resellerId) {
        return (root, query, cb) -> cb.equal(root.get("resellerId"), resellerId);
    }

    private static void equalUnlessBlank(List<Predicate> predicates, CriteriaBuilder cb, Path<String> field, String value) {
        if (value != null && !value.isBlank()) {
            predicates.add(cb.equal(field, value.strip()));
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
