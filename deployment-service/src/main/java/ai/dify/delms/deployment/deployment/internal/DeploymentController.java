package ai.dify.delms.deployment.deployment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.web.MergePatch;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.InvalidRequestException;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.reference.ChecksReferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/deployments}: staff read; admins, engineers and sales schedule; admins and engineers
 * change and move deployments; admins delete.
 */
@RestController
@RequestMapping(DeploymentController.PATH)
@Tag(name = "Deployments")
class DeploymentController {

    static final String PATH = "/api/v1/deployments";

    private final DeploymentService deployments;
    private final MergePatch mergePatch;

    DeploymentController(DeploymentService deployments, MergePatch mergePatch) {
        this.deployments = deployments;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List deployments",
            description = "Filters: licenseId, engineerId, status, and from/to bounding the scheduled date "
                    + "(inclusive). Sorted by scheduled date, newest first, unless `sort` says otherwise.")
    PageResponse<DeploymentDto> list(@RequestParam(required = false) String licenseId,
            @RequestParam(required = false) UUID engineerId, @RequestParam(required = false) DeploymentStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @ParameterObject @Sortable({"scheduledDate", "status", "environment", "productVersion", "licenseId",
                    "startedAt", "completedAt", "createdAt", "updatedAt"})
            @PageableDefault(size = 20, sort = "scheduledDate", direction = Sort.Direction.DESC)
            Pageable pageable) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("'from' (" + from + ") is after 'to' (" + to + ").");
        }
        Page<Deployment> page = deployments.list(new DeploymentFilter(licenseId, engineerId, status, from, to),
                pageable);
        Map<UUID, String> names = deployments.engineerNames(page.getContent());
        return PageResponse.of(page, d -> DeploymentDto.of(d, names.get(d.getEngineerId())));
    }

    @PostMapping
    @Operation(summary = "Schedule a deployment (admin, engineer, sales)",
            description = "422 if the license is unknown or TERMINATED, or the engineer unknown or inactive; 409 if "
                    + "the license already has a SCHEDULED or IN_PROGRESS deployment. A past scheduled date is "
                    + "accepted (recording a deployment planned earlier). A license this service has not heard of "
                    + "yet is looked up at license-service; 503 if license-service cannot be asked.")
    @ChecksReferences
    ResponseEntity<DeploymentDto> schedule(@Valid @RequestBody NewDeploymentRequest request, CurrentActor actor) {
        Deployment deployment = deployments.schedule(request.licenseId(), request.plan(), actor.auditName());
        return ResponseEntity.created(Locations.of(PATH + "/{id}", deployment.getId()))
                .eTag(ETags.of(deployment.getVersion())).body(dto(deployment));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a deployment")
    ResponseEntity<DeploymentDto> get(@PathVariable UUID id) {
        return ok(deployments.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the plan of a scheduled deployment (admin, engineer)",
            description = "Editable while SCHEDULED: engineerId, scheduledDate, environment, productVersion, notes "
                    + "(absent = none). licenseId may be sent unchanged (else 400); status and timestamps change only "
                    + "by transitions. Not SCHEDULED: 409. If-Match with another version: 412; a stale version in "
                    + "the body: 409.")
    ResponseEntity<DeploymentDto> replace(@PathVariable UUID id, @Valid @RequestBody DeploymentUpdateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        return ok(deployments.update(id, request, ifMatch, actor.auditName()));
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some plan fields of a scheduled deployment (admin, engineer; JSON merge patch)",
            description = "Same fields, rules and optimistic locking as PUT. "
                    + MergePatch.CONCURRENT_CHANGE)
    ResponseEntity<DeploymentDto> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        Deployment current = deployments.get(id);
        DeploymentUpdateRequest request = mergePatch.apply(DeploymentUpdateRequest.of(current), current.getVersion(),
                patch, DeploymentUpdateRequest.class);
        return ok(deployments.update(id, request, ifMatch, actor.auditName()));
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Move a deployment (admin, engineer)",
            description = "SCHEDULED -> IN_PROGRESS | CANCELLED, IN_PROGRESS -> COMPLETED | FAILED. FAILED needs a "
                    + "reason (400 without). Any other move is a 409 whose currentStatus and allowedTransitions say "
                    + "what is possible. The move, with the caller, time and note or reason, goes to the history.")
    ResponseEntity<DeploymentDto> transition(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        return ok(deployments.transition(id, request.to(), request.remark(), ifMatch, actor.auditName()));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The status moves of a deployment, oldest first (scheduling has no from)")
    List<HistoryEntryDto> history(@PathVariable UUID id) {
        return deployments.history(id).stream().map(HistoryEntryDto::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a deployment and its history (admin)")
    ResponseEntity<Void> delete(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        deployments.delete(id, ifMatch, actor.auditName());
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<DeploymentDto> ok(Deployment deployment) {
        return ResponseEntity.ok().eTag(ETags.of(deployment.getVersion())).body(dto(deployment));
    }

    private DeploymentDto dto(Deployment deployment) {
        return DeploymentDto.of(deployment, deployments.engineerNames(List.of(deployment)).get(deployment.getEngineerId()));
    }
}
