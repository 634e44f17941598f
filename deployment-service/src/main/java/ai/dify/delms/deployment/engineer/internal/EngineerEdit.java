package ai.dify.delms.deployment.engineer.internal;

import java.util.List;

/** The fields of an engineer a user may change after creation (all of them, as in a PUT). */
public record EngineerEdit(String name, String email, String region, List<String> skills, boolean active) {
}
