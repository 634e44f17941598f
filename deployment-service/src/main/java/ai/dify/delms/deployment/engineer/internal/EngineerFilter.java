package ai.dify.delms.deployment.engineer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;

import ai.dify.delms.deployment.engineer.Engineer;
import org.springframework.data.jpa.domain.Specification;

/**
 * The list filters of {@code GET /api/v1/engineers}: {@code q} searches name and e-mail ignoring case;
 * {@code region} and {@code skill} match exactly but ignoring case; {@code active} as given; {@code ids}
 * keeps those engineers.
 */
public record EngineerFilter(String q, String region, String skill, Boolean active, Collection<UUID> ids) {

    public Specification<Engineer> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (q != null && !q.isBlank()) {
                String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                predicates.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
                        cb.like(cb.lower(root.get("email")), pattern, '\\')));
            }
            if (region != null && !region.isBlank()) {
                predicates.add(cb.equal(cb.lower(root.get("region")), region.strip().toLowerCase(Locale.ROOT)));
            }
            if (skill != null && !skill.isBlank()) {
                // a subquery rather than a join, so an engineer is listed once and paging counts stay right
                Subquery<Integer> withSkill = query.subquery(Integer.class);
                var engineer = withSkill.from(Engineer.class);
                var skills = engineer.<Engineer, String>join("skills");
                withSkill.select(cb.literal(1)).where(cb.equal(engineer.get("id"), root.get("id")),
                        cb.equal(cb.lower(skills), skill.strip().toLowerCase(Locale.ROOT)));
                predicates.add(cb.exists(withSkill));
            }
            if (active != null) {
                predicates.add(cb.equal(root.get("active"), active));
            }
            if (ids != null && !ids.isEmpty()) {
                predicates.add(root.get("id").in(ids));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
