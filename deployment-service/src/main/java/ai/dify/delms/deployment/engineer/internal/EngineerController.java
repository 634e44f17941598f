package ai.dify.delms.deployment.engineer.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.deployment.engineer.Engineer;
import ai.dify.delms.deployment.engineer.EngineerService;
import ai.dify.delms.platform.paging.IdsParameter;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.web.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/engineers}: staff read; admins create, change and remove. */
@RestController
@RequestMapping(EngineerController.PATH)
@Tag(name = "Engineers")
class EngineerController {

    static final String PATH = "/api/v1/engineers";

    /** Body of a create request; {@code skills} defaults to none, {@code active} to true. */
    record NewEngineer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 50) String region,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> skills,
            Boolean active) {
    }

    /**
     * Body of a PUT (and what a merge patch is applied to): every editable field, and optionally the
     * {@code version} read; other fields of the engineer (id, timestamps) are ignored.
     */
    record EngineerUpdate(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 50) String region,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> skills,
            @NotNull Boolean active,
            Long version) {

        static EngineerUpdate of(Engineer e) {
            return new EngineerUpdate(e.getName(), e.getEmail(), e.getRegion(), e.getSkills(), e.isActive(), null);
        }

        EngineerEdit edit() {
            return new EngineerEdit(name, email, region, skills, active);
        }
    }

    private final EngineerService engineers;
    private final MergePatch mergePatch;

    EngineerController(EngineerService engineers, MergePatch mergePatch) {
        this.engineers = engineers;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List engineers", description = "Paged; sorted by name unless `sort` says otherwise. Filters combine with AND.")
    PageResponse<EngineerDto> list(
            @Parameter(description = "Case-insensitive search over name and e-mail") @RequestParam(required = false) String q,
            @Parameter(description = "Region, ignoring case") @RequestParam(required = false) String region,
            @Parameter(description = "Engineers with this skill, ignoring case") @RequestParam(required = false) String skill,
            @RequestParam(required = false) Boolean active,
            @Parameter(description = IdsParameter.DESCRIPTION) @RequestParam(name = IdsParameter.NAME, required = false) List<UUID> id,
            @ParameterObject @Sortable({"name", "email", "region", "active", "createdAt", "updatedAt"})
            @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        return PageResponse.of(engineers.search(new EngineerFilter(q, region, skill, active, IdsParameter.check(id)), pageable),
                EngineerDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one engineer")
    ResponseEntity<EngineerDto> get(@PathVariable UUID id) {
        Engineer engineer = engineers.get(id);
        return ResponseEntity.ok().eTag(ETags.of(engineer.getVersion())).body(EngineerDto.of(engineer));
    }

    @PostMapping
    @Operation(summary = "Create an engineer (admin)", description = "409 if the e-mail is taken (ignoring case).")
    ResponseEntity<EngineerDto> create(@Valid @RequestBody NewEngineer body) {
        Engineer engineer = engineers.create(body.name(), body.email(), body.region(), body.skills(),
                body.active() == null || body.active());
        return ResponseEntity.created(Locations.of(PATH + "/{id}", engineer.getId()))
                .eTag(ETags.of(engineer.getVersion())).body(EngineerDto.of(engineer));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an engineer (admin)",
            description = "All editable fields: name, email, region, skills (absent = none), active. If-Match with "
                    + "another version than the current: 412; a stale version in the body: 409; an e-mail another "
                    + "engineer has (ignoring case): 409.")
    ResponseEntity<EngineerDto> replace(@PathVariable UUID id, @Valid @RequestBody EngineerUpdate body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(engineers.update(id, body.edit(), body.version(), ifMatch));
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of an engineer (admin; JSON merge patch)",
            description = "Same fields, rules and optimistic locking as PUT. "
                    + MergePatch.CONCURRENT_CHANGE)
    ResponseEntity<EngineerDto> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Engineer current = engineers.get(id);
        EngineerUpdate body = mergePatch.apply(EngineerUpdate.of(current), current.getVersion(), patch,
                EngineerUpdate.class);
        return ok(engineers.update(id, body.edit(), body.version(), ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an engineer (admin)",
            description = "204 when the engineer had no deployment and is deleted. An engineer with deployments "
                    + "is kept for their history and deactivated instead: 200 with the engineer (active = false).")
    ResponseEntity<EngineerDto> delete(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return engineers.delete(id, ifMatch).map(this::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    private ResponseEntity<EngineerDto> ok(Engineer engineer) {
        return ResponseEntity.ok().eTag(ETags.of(engineer.getVersion())).body(EngineerDto.of(engineer));
    }
}
