package ai.dify.delms.deployment.engineer.internal;

import ai.dify.delms.deployment.engineer.Engineer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An engineer as the API shows it. */
public record EngineerDto(UUID id, String name, String email, String region, List<String> skills, boolean active,
        Instant createdAt, Instant updatedAt, long version) {

    static EngineerDto of(Engineer engineer) {
        return new EngineerDto(engineer.getId(), engineer.getName(), engineer.getEmail(), engineer.getRegion(),
                engineer.getSkills(), engineer.isActive(), engineer.getCreatedAt(), engineer.getUpdatedAt(),
                engineer.getVersion());
    }
}
