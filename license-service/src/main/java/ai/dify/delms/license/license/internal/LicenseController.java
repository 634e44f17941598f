package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseFilter;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.license.LicenseType;
import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.web.MergePatch;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.ListQueries;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.reference.ChecksReferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/licenses}: staff read; admin and sales create, update and transition (sales cannot terminate). */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "Licenses")
public class LicenseController {

    static final String MERGE_PATCH_JSON = MergePatch.MEDIA_TYPE;

    private final LicenseService licenses;
    private final MergePatch mergePatch;

    LicenseController(LicenseService licenses, MergePatch mergePatch) {
        this.licenses = licenses;
        this.mergePatch = mergePatch;
    }

    static final int MAX_EXPIRING_WITHIN_DAYS = LicenseListParameters.MAX_EXPIRING_WITHIN_DAYS;
    static final String LIST_PAGING = LicenseListParameters.PAGING;

    @GetMapping
    @Operation(summary = "List licenses",
            description = "Filters combine with AND. expiringWithinDays (0.." + MAX_EXPIRING_WITHIN_DAYS + "): expiry date "
                    + "from today to today + n. overused=true: the latest usage is above an authorized limit (false: "
                    + "not above, or no usage yet). q: the license id, notes or the customer's name contain it, ignoring "
                    + "case. sort: id, createdAt, updatedAt, orderDate, startDate, expiryDate, status, productType, "
                    + "licenseType (default createdAt,asc; a license without an expiry date sorts before the others in ascending order; "
                    + "ties in id order); anything else is a 400. " + LIST_PAGING)
    PageResponse<LicenseDto> list(@Parameter(description = "Any of these statuses (repeat the parameter: status=CREATED&status=IN_USE)")
            @RequestParam(required = false) List<LicenseStatus> status,
            @RequestParam(required = false) String productType,
            @RequestParam(required = false) LicenseType licenseType,
            @RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID salesRepId,
            @RequestParam(required = false) UUID resellerId,
            @RequestParam(required = false) Integer expiringWithinDays,
            @RequestParam(required = false) Boolean overused, @RequestParam(required = false) String q,
            @ParameterObject @Sortable({"id", "createdAt", "updatedAt", "orderDate", "startDate", "expiryDate",
                    "status", "productType", "licenseType"})
            @PageableDefault(size = 20, sort = "createdAt") Pageable pageable,
            @Parameter(description = ListQueries.AFTER_DESCRIPTION) @RequestParam(required = false) String after) {
        LicenseListParameters.check(expiringWithinDays);
        LicenseFilter filter = new LicenseFilter(status, productType, licenseType, customerId, salesRepId, resellerId,
                expiringWithinDays, overused, q);
        LocalDate today = licenses.today();
        return PageResponse.of(licenses.list(filter, pageable, after), l -> LicenseDto.of(l, today));
    }

    @PostMapping
    @Operation(summary = "Create a license",
            description = "The server assigns the id (XXX-YYYYMM-NNNNNN) and status CREATED. 422 if the customer is "
                    + "unknown, the product type is not configured or the dates/limits break a rule; 422 also for a "
                    + "salesRepId/resellerId that names no active rep / reseller. A customer, rep or reseller this "
                    + "service has not heard of yet is looked up at its owning service; 503 if that cannot be asked.")
    @ChecksReferences
    ResponseEntity<LicenseDto> create(@Valid @RequestBody NewLicenseRequest request, CurrentActor actor) {
        License license = licenses.create(request.toTerms(), actor.auditName());
        URI location = Locations.of("/api/v1/licenses/{id}", license.getId().value());
        return ResponseEntity.created(location).eTag(ETags.of(license.getVersion()))
                .body(LicenseDto.of(license, licenses.today()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a license")
    ResponseEntity<LicenseDto> get(@PathVariable String id) {
        License license = licenses.get(id);
        return ResponseEntity.ok().eTag(ETags.of(license.getVersion())).body(LicenseDto.of(license, licenses.today()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the editable fields of a license",
            description = "Editable: salesRepId, resellerId, orderDate, startDate, expiryDate, authorizedWorkspaces, "
                    + "authorizedUsers, notes (absent = empty). id, productType, licenseType, customerId and status "
                    + "are read-only: they may be sent unchanged, a different value is a 400; derived and audit "
                    + "fields are ignored. If-Match with another version than the current: 412; a stale version "
                    + "in the body: 409. Each changed field goes to the change log; no change writes nothing. A "
                    + "newly set salesRepId/resellerId must name an active rep / reseller (422); one this service has "
                    + "not heard of yet is looked up at sales-service (503 if sales-service cannot be asked).")
    @ChecksReferences
    ResponseEntity<LicenseDto> replace(@PathVariable String id, @Valid @RequestBody LicenseUpdateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        return updated(licenses.update(id, request.toUpdate(), ifMatch, actor.auditName()));
    }

    @PatchMapping(path = "/{id}", consumes = MERGE_PATCH_JSON)
    @Operation(summary = "Change some editable fields of a license (JSON merge patch, RFC 7396)",
            description = "Same fields, rules and optimistic locking as PUT; null removes an optional value. "
                    + MergePatch.CONCURRENT_CHANGE)
    @ChecksReferences
    ResponseEntity<LicenseDto> patch(@PathVariable String id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        License current = licenses.get(id);
        LicenseUpdateRequest request = mergePatch.apply(LicenseUpdateRequest.editableOf(current), current.getVersion(),
                patch, LicenseUpdateRequest.class);
        return updated(licenses.update(id, request.toUpdate(), ifMatch, actor.auditName()));
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Change the status of a license by hand",
            description = "to = SUSPENDED (admin, sales), TERMINATED (admin only), or, for a SUSPENDED license, the "
                    + "status it had before its suspension (reinstatement; admin, sales). There is no REINSTATED "
                    + "status. DEPLOYED, IN_USE, RENEWED and EXPIRED are otherwise set automatically. A transition "
                    + "the lifecycle does not allow is a 409 whose currentStatus and allowedTransitions say what is "
                    + "possible. reason (required, at most 500 characters) goes to the change log and the event.")
    ResponseEntity<LicenseDto> transition(@PathVariable String id, @Valid @RequestBody TransitionRequest request,
            CurrentActor actor) {
        return updated(licenses.transition(id, request.to(), request.reason(), actor));
    }

    private ResponseEntity<LicenseDto> updated(License license) {
        return ResponseEntity.ok().eTag(ETags.of(license.getVersion())).body(LicenseDto.of(license, licenses.today()));
    }
}
