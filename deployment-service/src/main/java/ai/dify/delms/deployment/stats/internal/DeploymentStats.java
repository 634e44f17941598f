package ai.dify.delms.deployment.stats.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/v1/stats/deployments}: per engineer and in total, for deployments in
 * the period {@code from}..{@code to} (inclusive, UTC dates).
 */
public record DeploymentStats(LocalDate from, LocalDate to, UUID engineerId, List<EngineerFigures> engineers,
        Figures totals) {

    /** One engineer's figures. */
    public record EngineerFigures(UUID engineerId, String engineerName, long scheduled, long completed, long failed,
            Double medianDaysToDeployment, Double onTimeRate) {
    }

    /**
     * @param scheduled              deployments whose scheduled date is in the period (any status)
     * @param completed              deployments completed in the period
     * @param failed                 deployments that failed in the period
     * @param medianDaysToDeployment median of calendar days from the license's creation to the completion,
     *                               over the completed ones; null when there are none
     * @param onTimeRate             share (0..1) of the completed ones completed on or before their
     *                               scheduled date; null when there are none
     */
    public record Figures(long scheduled, long completed, long failed, Double medianDaysToDeployment,
            Double onTimeRate) {
    }
}
