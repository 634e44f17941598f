package ai.dify.delms.sales.salesrep.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
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

import ai.dify.delms.platform.paging.IdsParameter;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.web.MergePatch;
import ai.dify.delms.sales.salesrep.SalesRep;
import ai.dify.delms.sales.salesrep.SalesRepService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(SalesRepController.PATH)
@Tag(name = "Sales reps")
class SalesRepController {

    static final String PATH = "/api/v1/sales-reps";

    /** Body of a create request; {@code active} defaults to true. */
    record NewSalesRep(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 50) String region,
            Boolean active) {
    }

    private final SalesRepService reps;
    private final MergePatch mergePatch;

    SalesRepController(SalesRepService reps, MergePatch mergePatch) {
        this.reps = reps;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List sales reps", description = "Paged; sorted by name unless `sort` says otherwise. Filters combine with AND.")
    PageResponse<SalesRepDto> list(
            @Parameter(description = "Case-insensitive search over name and e-mail") @RequestParam(required = false) String q,
            @Parameter(description = IdsParameter.DESCRIPTION) @RequestParam(name = IdsParameter.NAME, required = false) List<UUID> id,
            @ParameterObject @Sortable({"name", "email", "region", "active", "createdAt", "updatedAt"})
            @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        return PageResponse.of(reps.search(new SalesRepFilter(q, IdsParameter.check(id)), pageable), SalesRepDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one sales rep")
    ResponseEntity<SalesRepDto> get(@PathVariable UUID id) {
        SalesRep rep = reps.get(id);
        return ResponseEntity.ok().eTag(ETags.of(rep.getVersion())).body(SalesRepDto.of(rep));
    }

    @PostMapping
    @Operation(summary = "Create a sales rep (admin)", description = "409 if the e-mail is taken (ignoring case).")
    ResponseEntity<SalesRepDto> create(@Valid @RequestBody NewSalesRep body) {
        SalesRep rep = reps.create(body.name(), body.email(), body.region(), body.active() == null || body.active());
        return ResponseEntity.created(Locations.of(PATH + "/{id}", rep.getId()))
                .eTag(ETags.of(rep.getVersion())).body(SalesRepDto.of(rep));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a sales rep (admin)",
            description = "All editable fields (name, email, region, active). If-Match with another version: 412; "
                    + "a stale version in the body: 409; an e-mail another rep has: 409.")
    ResponseEntity<SalesRepDto> replace(@PathVariable UUID id, @Valid @RequestBody SalesRepRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(reps.update(id, body, ifMatch));
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a sales rep (admin; JSON merge patch)",
            description = "Same rules and optimistic locking as PUT. "
                    + MergePatch.CONCURRENT_CHANGE)
    ResponseEntity<SalesRepDto> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SalesRep current = reps.get(id);
        SalesRepRequest request = mergePatch.apply(SalesRepRequest.of(current), current.getVersion(), patch,
                SalesRepRequest.class);
        return ok(reps.update(id, request, ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a sales rep (admin)",
            description = "204 when nothing names the rep. A rep named by purchases, licenses or customers is "
                    + "deactivated instead: 200 with the rep, now active=false.")
    ResponseEntity<SalesRepDto> delete(@PathVariable UUID id) {
        return reps.delete(id).map(this::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    private ResponseEntity<SalesRepDto> ok(SalesRep rep) {
        return ResponseEntity.ok().eTag(ETags.of(rep.getVersion())).body(SalesRepDto.of(rep));
    }
}
