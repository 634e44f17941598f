package ai.dify.delms.alert.alert.internal;

import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertService;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The alerts of the caller's reseller's licenses; another reseller's alert is as unknown as a missing one. */
@RestController
@RequestMapping(PartnerAlertController.PATH)
@Tag(name = "Partner API")
class PartnerAlertController {

    static final String PATH = PartnerAccess.PATH + "/alerts";

    private final AlertService alerts;

    PartnerAlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "List the reseller's alerts (partner)", description = "Alerts of the licenses whose "
            + "resellerId is the caller's reseller now (a license moved to another reseller takes all its alerts "
            + "along); paged, newest first unless `sort` says otherwise; every filter given must match. "
            + "Sortable by raisedAt, acknowledgedAt, resolvedAt, type, severity, status, licenseId and customerId "
            + "only (not by acknowledgedBy, which a partner does not see).")
    PageResponse<PartnerAlertDto> list(
            @Parameter(description = "Any of these statuses (repeat the parameter: status=OPEN&status=ACKNOWLEDGED)")
            @RequestParam(required = false) List<AlertStatus> status,
            @RequestParam(required = false) AlertType type,
            @RequestParam(required = false) String licenseId,
            @RequestParam(required = false) AlertSeverity severity,
            // only what a partner sees may order the list: sorting by acknowledgedBy would reveal the names
            @ParameterObject @Sortable({"raisedAt", "acknowledgedAt", "resolvedAt", "type", "severity", "status",
                    "licenseId", "customerId"})
            @PageableDefault(size = 20, sort = "raisedAt", direction = Sort.Direction.DESC) Pageable pageable,
            PartnerCaller caller) {
        AlertFilter filter = new AlertFilter(status, type, blankToNull(licenseId), null, severity);
        Page<Alert> page = alerts.searchOfReseller(caller.resellerId(), filter, pageable);
        return PageResponse.of(page, alert -> PartnerAlertDto.of(alert, caller.resellerId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one of the reseller's alerts (partner)", description = "Another reseller's alert is 404, "
            + "exactly as an unknown id.")
    PartnerAlertDto get(@PathVariable UUID id, PartnerCaller caller) {
        return PartnerAlertDto.of(alerts.getOfReseller(id, caller.resellerId()), caller.resellerId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
