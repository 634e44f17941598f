package ai.dify.delms.alert.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ai.dify.delms.alert.licenseview.LicenseModel;
import ai.dify.delms.alert.licenseview.UsagePoint;

/**
 * What the rules look at for one license: the read model's facts and its recent usage reports
 * (oldest first, the latest last). Null where nothing has been told yet.
 */
public record LicenseFacts(String licenseId, UUID customerId, String resellerId, String status, LocalDate expiryDate,
        Integer authorizedWorkspaces, Integer authorizedUsers, Integer usageWorkspaces, Integer usageUsers,
        Instant usageReportedAt, Instant statusChangedAt, Instant createdAt, List<UsagePoint> recentUsage) {

    public LicenseFacts {
        recentUsage = recentUsage == null ? List.of() : List.copyOf(recentUsage);
    }

    public static LicenseFacts of(LicenseModel model, List<UsagePoint> recentUsage) {
        return new LicenseFacts(model.getLicenseId(), model.getCustomerId(), model.getResellerId(), model.getStatus(),
                model.getExpiryDate(), model.getAuthorizedWorkspaces(), model.getAuthorizedUsers(),
                model.getUsageWorkspaces(), model.getUsageUsers(), model.getUsageReportedAt(),
                model.getStatusChangedAt(), model.getCreatedAt(), recentUsage);
    }

    public boolean hasStatus(String candidate) {
        return candidate.equals(status);
    }
}
