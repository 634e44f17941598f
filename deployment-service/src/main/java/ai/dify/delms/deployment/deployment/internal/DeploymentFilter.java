package ai.dify.delms.deployment.deployment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The list filters of {@code GET /api/v1/deployments}; {@code from}/{@code to} bound the scheduled date (inclusive). */
public record DeploymentFilter(String licenseId, UUID engineerId, DeploymentStatus status, LocalDate from,
        LocalDate to) {

    Specification<Deployment> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (licenseId != null && !licenseId.isBlank()) {
                predicates.add(cb.equal(root.get("licenseId"), licenseId.trim()));
            }
            if (engineerId != null) {
                predicates.add(cb.equal(root.get("engineerId"), engineerId));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("scheduledDate"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThanOrEqualTo(root.get("scheduledDate"), to));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
