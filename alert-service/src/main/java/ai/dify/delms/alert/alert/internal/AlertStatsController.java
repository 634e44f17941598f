package ai.dify.delms.alert.alert.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Alerts")
class AlertStatsController {

    static final String PATH = "/api/v1/stats/alerts";

    private final AlertStatsQuery stats;

    AlertStatsController(AlertStatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping(PATH)
    @Operation(summary = "Open alerts by type and severity", description = "Open counts include acknowledged "
            + "alerts (their condition still holds); every type and severity is listed, with 0 where none.")
    AlertStats get() {
        return stats.current();
    }
}
