package ai.dify.delms.deployment.deployment.internal;

import java.time.LocalDate;
import java.util.UUID;

/** What a scheduled deployment will do: who, when, where and which version (editable while scheduled). */
public record DeploymentPlan(UUID engineerId, LocalDate scheduledDate, Environment environment,
        String productVersion, String notes) {

    public DeploymentPlan {
        productVersion = productVersion == null ? null : productVersion.trim();
        notes = notes == null || notes.isBlank() ? null : notes;
    }
}
