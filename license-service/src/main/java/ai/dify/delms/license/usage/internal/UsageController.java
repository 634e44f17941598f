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
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/licenses/{id}/usage}: admins and engineers report usage, staff read its history. */
@RestController
@RequestMapping("/api/v1/licenses/{id}/usage")
@Tag(name = "Licenses")
public class UsageController {

    private final UsageService usage;

    UsageController(UsageService usage) {
        this.usage = usage;
    }

    @PostMapping
    @Operation(summary = "Report the usage of a license",
            description = "workspaces and users >= 0; reportedAt (default now) at most 5 minutes in the future. The "
                    + "report with the latest reportedAt is the license's usage (an older one arriving late is kept in "
                    + "the history only); overused when above an authorized limit. A CREATED, DEPLOYED or RENEWED "
                    + "license becomes IN_USE. Publishes delms.license.usage-reported.v1. Admin and engineer.")
    ResponseEntity<UsageReportDto> report(@PathVariable String id, @Valid @RequestBody UsageReportRequest request,
            CurrentActor actor) {
        UsageService.Recorded recorded = usage.report(id, request.workspaces(), request.users(), request.reportedAt(),
                actor);
        UsageReport r = recorded.report();
        URI location = Locations.of("/api/v1/licenses/{id}/usage", id);
        return ResponseEntity.created(location).body(new UsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(),
                r.getReportedAt(), r.getRecordedAt(), r.getReportedBy(), recorded.applied().becameLatest(),
                recorded.applied().overusedAfter(), recorded.applied().statusAfter().name(), r.getSource(), null, null));
    }

    @GetMapping
    @Operation(summary = "Usage history of a license", description = "Newest reportedAt first by default.")
    PageResponse<UsageReportDto> history(@PathVariable String id, @ParameterObject
            @Sortable({"reportedAt", "recordedAt", "id", "workspaces", "users"})
            @PageableDefault(size = 20, sort = {"reportedAt", "id"}, direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(usage.history(id, pageable), UsageReportDto::of);
    }
}
