package ai.dify.delms.deployment.stats.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.problem.BadFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/stats/deployments}: deployment performance per engineer, for all staff. */
@RestController
@Tag(name = "Statistics")
class StatsController {

    /** Longest period one request may cover, so a request stays cheap. */
    static final int MAX_DAYS = 3660;

    private final DeploymentStatsQuery stats;

    StatsController(DeploymentStatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/deployments")
    @Operation(summary = "Deployment performance per engineer for a period",
            description = "from and to (inclusive dates, UTC) are required. Per engineer with any deployment in the "
                    + "period, and in total: scheduled (scheduled date in the period), completed and failed (moved "
                    + "in the period), medianDaysToDeployment (calendar days from the license's creation to the "
                    + "completion, median over the completed ones) and onTimeRate (share of the completed ones "
                    + "completed on or before their scheduled date, 0..1); both null without completions. "
                    + "engineerId restricts everything to one engineer.")
    DeploymentStats deployments(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID engineerId) {
        if (from.isAfter(to)) {
            throw new BadFieldException("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new BadFieldException("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return stats.compute(from, to, engineerId);
    }
}
