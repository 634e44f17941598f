package ai.dify.delms.deployment.engineer;

import ai.dify.delms.platform.events.DelmsTopics;
import java.util.List;
import java.util.UUID;

/** What the engineer feature publishes on {@value #TOPIC} (see EVENTS.md). */
public final class EngineerEvents {

    public static final String TOPIC = DelmsTopics.DEPLOYMENTS;
    public static final String CREATED = "delms.engineer.created.v1";
    public static final String UPDATED = "delms.engineer.updated.v1";
    /** An engineer without deployments was removed; data is {@link EngineerDeleted}. */
    public static final String DELETED = "delms.engineer.deleted.v1";

    private EngineerEvents() {
    }

    /** Payload of {@value #CREATED} and {@value #UPDATED}: the engineer as the API shows it. */
    public record EngineerData(UUID id, String name, String email, String region, List<String> skills,
            boolean active, long version) {

        static EngineerData of(Engineer engineer) {
            return new EngineerData(engineer.getId(), engineer.getName(), engineer.getEmail(), engineer.getRegion(),
                    engineer.getSkills(), engineer.isActive(), engineer.getVersion());
        }
    }

    /** Payload of {@value #DELETED}: the engineer's version one on from its last state (newer than any event before). */
    public record EngineerDeleted(UUID id, String name, long version) {

        static EngineerDeleted of(Engineer engineer) {
            return new EngineerDeleted(engineer.getId(), engineer.getName(), engineer.getVersion() + 1);
        }
    }
}
