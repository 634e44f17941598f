package ai.dify.delms.alert.alert.internal;

import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertService;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(AlertController.PATH)
@Tag(name = "Alerts")
class AlertController {

    static final String PATH = "/api/v1/alerts";

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "List alerts", description = "Paged, newest first unless `sort` says otherwise; "
            + "every filter given must match.")
    PageResponse<AlertDto> list(
            @Parameter(description = "Any of these statuses (repeat the parameter: status=OPEN&status=ACKNOWLEDGED)")
            @RequestParam(required = false) List<AlertStatus> status,
            @RequestParam(required = false) AlertType type,
            @RequestParam(required = false) String licenseId,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) AlertSeverity severity,
            @ParameterObject @Sortable({"raisedAt", "status", "type", "licenseId", "acknowledgedAt", "resolvedAt"})
            @PageableDefault(size = 20, sort = "raisedAt", direction = Sort.Direction.DESC) Pageable pageable) {
        AlertFilter filter = new AlertFilter(status, type, blankToNull(licenseId), customerId, severity);
        return PageResponse.of(alerts.search(filter, pageable), AlertDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one alert")
    ResponseEntity<AlertDto> get(@PathVariable UUID id) {
        Alert alert = alerts.get(id);
        return ResponseEntity.ok().eTag(ETags.of(alert.getVersion())).body(AlertDto.of(alert));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert (staff)", description = "Records who saw it. The alert stays open "
            + "(no second alert of its type is raised for the license) until its condition ends. Acknowledging an "
            + "acknowledged alert changes nothing; a RESOLVED alert is 409; an optional If-Match must match.")
    ResponseEntity<AlertDto> acknowledge(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentActor actor) {
        Alert alert = alerts.acknowledge(id, actor.auditName(), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(alert.getVersion())).body(AlertDto.of(alert));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
