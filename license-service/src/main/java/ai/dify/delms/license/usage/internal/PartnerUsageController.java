package ai.dify.delms.license.usage.internal;

import ai.dify.delms.license.usage.UsageService;
import java.net.URI;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Partners report and read the usage of their reseller's licenses; any other license is an unknown id. */
@RestController
@RequestMapping(PartnerAccess.PATH + "/licenses/{id}/usage")
@Tag(name = "Partner API")
public class PartnerUsageController {

    private final UsageService usage;

    PartnerUsageController(UsageService usage) {
        this.usage = usage;
    }

    @PostMapping
    @Operation(summary = "Report the usage of one of the reseller's licenses (partner)",
            description = "Same body, rules and effects as the staff endpoint: workspaces and users >= 0; reportedAt "
                    + "(default now) at most 5 minutes in the future; the latest reportedAt is the license's usage; "
                    + "overused above an authorized limit; a CREATED, DEPLOYED or RENEWED license becomes IN_USE; "
                    + "publishes delms.license.usage-reported.v1. The partner's client or user is recorded as the "
                    + "reporter. Another reseller's license is 404, exactly as an unknown id, and nothing is written. "
                    + "Idempotency-Key is honoured.")
    ResponseEntity<PartnerUsageReportDto> report(@PathVariable String id, @Valid @RequestBody UsageReportRequest request,
            PartnerCaller caller, CurrentActor actor) {
        UsageService.Recorded recorded = usage.reportOfReseller(id, caller.resellerId(), request.workspaces(),
                request.users(), request.reportedAt(), actor);
        URI location = Locations.of(PartnerAccess.PATH + "/licenses/{id}/usage", id);
        return ResponseEntity.created(location).body(PartnerUsageReportDto.of(recorded));
    }

    @GetMapping
    @Operation(summary = "Usage history of one of the reseller's licenses (partner)",
            description = "Newest reportedAt first by default; sortable by reportedAt, recordedAt, workspaces, users "
                    + "and id only (not by reportedBy, which a partner sees only for its own reports). reportedBy only "
                    + "for reports sent through the partner API by the caller's reseller (null for reports of vendor staff). Another reseller's license is 404.")
    PageResponse<PartnerUsageReportDto> history(@PathVariable String id, PartnerCaller caller,
            // only what a partner sees may order the history: reportedBy is hidden for reports of vendor staff
            @ParameterObject @Sortable({"reportedAt", "recordedAt", "workspaces", "users", "id"})
            @PageableDefault(size = 20, sort = {"reportedAt", "id"}, direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(usage.historyOfReseller(id, caller.resellerId(), pageable),
                report -> PartnerUsageReportDto.of(report, caller));
    }
}
