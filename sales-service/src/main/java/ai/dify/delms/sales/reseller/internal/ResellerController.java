package ai.dify.delms.sales.reseller.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

import ai.dify.delms.platform.paging.IdsParameter;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.web.MergePatch;
import ai.dify.delms.sales.reseller.Reseller;
import ai.dify.delms.sales.reseller.ResellerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/resellers}: staff read, admins manage. */
@RestController
@RequestMapping(ResellerController.PATH)
@Tag(name = "Resellers")
class ResellerController {

    static final String PATH = "/api/v1/resellers";

    private final ResellerService resellers;
    private final MergePatch mergePatch;

    ResellerController(ResellerService resellers, MergePatch mergePatch) {
        this.resellers = resellers;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List resellers", description = "Paged; sorted by name unless `sort` says otherwise. Filters combine with AND.")
    PageResponse<ResellerDto> list(
            @Parameter(description = "Case-insensitive search over name and code") @RequestParam(required = false) String q,
            @Parameter(description = IdsParameter.DESCRIPTION) @RequestParam(name = IdsParameter.NAME, required = false) List<UUID> id,
            @ParameterObject @Sortable({"name", "code", "region", "tier", "active", "createdAt", "updatedAt"})
            @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        return PageResponse.of(resellers.search(new ResellerFilter(q, IdsParameter.check(id)), pageable), ResellerDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one reseller")
    ResponseEntity<ResellerDto> get(@PathVariable UUID id) {
        return ok(resellers.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a reseller (admin)",
            description = "code: a unique slug (2-32 of a-z, 0-9, single hyphens), the reseller_id claim of the "
                    + "partner's tokens; 409 if taken, also by a reseller deleted since (a code is never issued twice). tier: AUTHORIZED, GOLD or PLATINUM.")
    ResponseEntity<ResellerDto> create(@Valid @RequestBody ResellerRequest body) {
        Reseller reseller = resellers.create(body);
        return ResponseEntity.created(Locations.of(PATH + "/{id}", reseller.getId()))
                .eTag(ETags.of(reseller.getVersion())).body(ResellerDto.of(reseller));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a reseller (admin)",
            description = "code is immutable: absent or unchanged, another value is a 400. If-Match with another "
                    + "version: 412; a stale version in the body: 409.")
    ResponseEntity<ResellerDto> replace(@PathVariable UUID id, @Valid @RequestBody ResellerRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(resellers.update(id, body, ifMatch));
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a reseller (admin; JSON merge patch)",
            description = "Same rules and optimistic locking as PUT. "
                    + MergePatch.CONCURRENT_CHANGE)
    ResponseEntity<ResellerDto> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Reseller current = resellers.get(id);
        ResellerRequest request = mergePatch.apply(ResellerRequest.of(current), current.getVersion(), patch,
                ResellerRequest.class);
        return ok(resellers.update(id, request, ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a reseller (admin)",
            description = "204 when nothing names the reseller. One named by purchases, licenses or customers is "
                    + "deactivated instead: 200 with the reseller, now active=false.")
    ResponseEntity<ResellerDto> delete(@PathVariable UUID id) {
        return resellers.delete(id).map(this::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    private ResponseEntity<ResellerDto> ok(Reseller reseller) {
        return ResponseEntity.ok().eTag(ETags.of(reseller.getVersion())).body(ResellerDto.of(reseller));
    }
}
