package ai.dify.delms.sales.purchase.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import ai.dify.delms.sales.purchase.PurchaseType;

/** The list filters of {@code GET /api/v1/purchases}; {@code from}/{@code to} bound the purchase date, inclusive. */
public record PurchaseFilter(String licenseId, PurchaseType type, UUID salesRepId, UUID resellerId, LocalDate from,
        LocalDate to) {

    Specification<Purchase> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (licenseId != null && !licenseId.isBlank()) {
                predicates.add(cb.equal(root.get("licenseId"), licenseId.trim()));
            }
            if (type != null) {
                predicates.add(cb.equal(root.get("type"), type));
            }
            if (salesRepId != null) {
                predicates.add(cb.equal(root.get("salesRepId"), salesRepId));
            }
            if (resellerId != null) {
                predicates.add(cb.equal(root.get("resellerId"), resellerId));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("purchaseDate"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThanOrEqualTo(root.get("purchaseDate"), to));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
