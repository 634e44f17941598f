package ai.dify.delms.license.license;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/licenses}: staff read, admin and sales create. */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "Licenses")
class LicenseController {

    private final LicenseService licenses;

    LicenseController(LicenseService licenses) {
        this.licenses = licenses;
    }

    @GetMapping
    @Operation(summary = "List licenses", description = "q searches the license id and notes ignoring case")
    PageResponse<LicenseDto> list(@RequestParam(required = false) LicenseStatus status,
            @RequestParam(required = false) String productType,
            @RequestParam(required = false) LicenseType licenseType,
            @RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID salesRepId,
            @RequestParam(required = false) UUID resellerId, @RequestParam(required = false) String q,
            @ParameterObject @PageableDefault(size = 20, sort = "createdAt") Pageable pageable) {
        LicenseFilter filter = new LicenseFilter(status, productType, licenseType, customerId, salesRepId, resellerId, q);
        LocalDate today = licenses.today();
        return PageResponse.of(licenses.list(filter, pageable), l -> LicenseDto.of(l, today));
    }

    @PostMapping
    @Operation(summary = "Create a license",
            description = "The server assigns the id (XXX-YYYYMM-NNNNNN) and status CREATED. 422 if the customer is "
                    + "unknown, the product type is not configured or the dates/limits break a rule.")
    ResponseEntity<LicenseDto> create(@Valid @RequestBody NewLicenseRequest request, CurrentActor actor) {
        License license = licenses.create(request.toTerms(), actor.auditName());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(license.getId().value()).toUri();
        return ResponseEntity.created(location).eTag(ETags.of(license.getVersion()))
                .body(LicenseDto.of(license, licenses.today()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a license")
    ResponseEntity<LicenseDto> get(@PathVariable String id) {
        License license = licenses.get(id);
        return ResponseEntity.ok().eTag(ETags.of(license.getVersion())).body(LicenseDto.of(license, licenses.today()));
    }
}
