package ai.dify.delms.sales.purchase.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.reference.ChecksReferences;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.sales.purchase.PurchaseType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/purchases}: staff read; admin and sales record. */
@RestController
@RequestMapping(PurchaseController.PATH)
@Tag(name = "Purchases")
class PurchaseController {

    static final String PATH = "/api/v1/purchases";

    private final PurchaseService purchases;

    PurchaseController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @GetMapping
    @Operation(summary = "List purchases", description = "Newest purchase date first unless `sort` says otherwise; "
            + "from/to bound the purchase date (inclusive).")
    PageResponse<PurchaseDto> list(@RequestParam(required = false) String licenseId,
            @RequestParam(required = false) PurchaseType type, @RequestParam(required = false) UUID salesRepId,
            @RequestParam(required = false) UUID resellerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @ParameterObject @Sortable({"purchaseDate", "createdAt", "type", "amount", "currency", "periodStart",
                    "periodEnd", "licenseId"}) @PageableDefault(size = 20, sort = "purchaseDate",
                    direction = org.springframework.data.domain.Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(purchases.list(new PurchaseFilter(licenseId, type, salesRepId, resellerId, from, to),
                pageable), PurchaseDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a purchase")
    PurchaseDto get(@PathVariable UUID id) {
        return PurchaseDto.of(purchases.get(id));
    }

    @PostMapping
    @Operation(summary = "Record a purchase (admin, sales)",
            description = "Checked against the license: it must exist (422; one this service has not heard of yet is "
                    + "looked up at license-service, 503 if license-service cannot be asked); a RENEWAL's periodEnd "
                    + "(required) must be after its current expiry; an EXPANSION must raise at least one limit and lower none; an "
                    + "UPGRADE's productTypeAfter must differ from the current product. amount >= 0 with at most 2 "
                    + "decimals, currency ISO 4217. salesRepId/resellerId default to the license's; "
                    + "one other than the license's must be a known, active rep or reseller (422 naming the field: "
                    + "'is not a known sales rep', 'is an inactive reseller'). Recorded "
                    + "purchases are published as delms.purchase.recorded.v1, which license-service applies. "
                    + "An Idempotency-Key header makes a retry with the same body return the first response "
                    + "without recording again; the same key with another body is a 422.")
    @ChecksReferences
    @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = false,
            description = "Client-chosen key (at most 200 characters) that makes retries safe",
            schema = @Schema(type = "string", minLength = 1, maxLength = 200))
    ResponseEntity<PurchaseDto> record(@Valid @RequestBody NewPurchaseRequest request, CurrentActor actor) {
        Purchase purchase = purchases.record(request.toTerms(), actor.auditName());
        return ResponseEntity.created(Locations.of(PATH + "/{id}", purchase.getId())).body(PurchaseDto.of(purchase));
    }
}
