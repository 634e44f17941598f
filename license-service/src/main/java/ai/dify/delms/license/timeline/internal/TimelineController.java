package ai.dify.delms.license.timeline.internal;

import ai.dify.delms.license.license.TimelineEntry;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/licenses/{id}/timeline}. */
@RestController
@Tag(name = "Licenses")
public class TimelineController {

    private final Timeline timeline;

    TimelineController(Timeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/licenses/{id}/timeline")
    @Operation(summary = "Timeline of a license, oldest first",
            description = "type: ORDERED, CREATED, PURCHASE, DEPLOYMENT (with the engineer), FIRST_USE, OVERUSE_STARTED, "
                    + "OVERUSE_ENDED, STATUS_CHANGED, EXPIRY (the end of the expiry date, also when still to come). "
                    + "Built from license-service's own data, so it answers while other services are down. "
                    + "Date-only facts are placed at the start of their day (UTC).")
    List<TimelineEntry> timeline(@PathVariable String id) {
        return timeline.of(id);
    }
}
