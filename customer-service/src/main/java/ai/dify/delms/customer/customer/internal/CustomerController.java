package ai.dify.delms.customer.customer.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.web.Locations;
import ai.dify.delms.platform.paging.IdsParameter;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.web.MergePatch;
import ai.dify.delms.platform.problem.BadFieldException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.reference.ChecksReferences;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/customers}: staff read, admin and sales create and update, admin deletes. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerController {

    static final String MERGE_PATCH_JSON = MergePatch.MEDIA_TYPE;

    private final CustomerService customers;
    private final MergePatch mergePatch;

    CustomerController(CustomerService customers, MergePatch mergePatch) {
        this.customers = customers;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List customers", description = "q searches name, contact name and e-mail ignoring case; "
            + "region, country, industry, salesRepId and resellerId match exactly; id (repeatable) keeps those "
            + "customers; every filter given must match")
    PageResponse<CustomerDto> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String region, @RequestParam(required = false) String country,
            @RequestParam(required = false) String industry, @RequestParam(required = false) UUID salesRepId,
            @RequestParam(required = false) UUID resellerId,
            @Parameter(description = IdsParameter.DESCRIPTION) @RequestParam(name = IdsParameter.NAME, required = false) List<UUID> id,
            @ParameterObject @Sortable({"name", "industry", "region", "country", "createdAt", "updatedAt"})
            @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        Page<Customer> page = customers.list(new CustomerFilter(q, region, country, industry, salesRepId, resellerId,
                IdsParameter.check(id)), pageable);
        Map<UUID, Long> licenseCounts = customers.licenseCounts(page.map(Customer::getId).getContent());
        return PageResponse.of(page, c -> CustomerDto.of(c, licenseCounts.getOrDefault(c.getId(), 0L)));
    }

    @PostMapping
    @Operation(summary = "Create a customer", description = "409 if a customer with that name (ignoring case) exists; 422 if salesRepId or "
            + "resellerId is not a known, active rep / reseller (one this service has not heard of yet is looked up "
            + "at sales-service); 503 if sales-service cannot be asked")
    @ChecksReferences
    ResponseEntity<CustomerDto> create(@Valid @RequestBody NewCustomerRequest request, CurrentActor actor) {
        Customer customer = customers.create(request.toDetails(), actor.auditName());
        URI location = Locations.of("/api/v1/customers/{id}", customer.getId());
        return ResponseEntity.created(location).eTag(ETags.of(customer.getVersion()))
                .body(CustomerDto.of(customer, 0));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a customer")
    ResponseEntity<CustomerDto> get(@PathVariable UUID id) {
        Customer customer = customers.get(id);
        return ResponseEntity.ok().eTag(ETags.of(customer.getVersion()))
                .body(CustomerDto.of(customer, customers.licenseCount(id)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a customer",
            description = "Every editable field (absent optional ones are emptied). If-Match with another version: "
                    + "412; a stale version in the body: 409; a name another customer has (ignoring case): 409; "
                    + "a newly named salesRepId/resellerId that is unknown or deactivated: 422 (one this service has "
                    + "not heard of yet is looked up at sales-service; 503 if sales-service cannot be asked).")
    @ChecksReferences
    ResponseEntity<CustomerDto> replace(@PathVariable UUID id, @Valid @RequestBody CustomerUpdateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        return updated(customers.update(id, request.toDetails(), request.version(), ifMatch, actor.auditName()));
    }

    @PatchMapping(path = "/{id}", consumes = MERGE_PATCH_JSON)
    @Operation(summary = "Change some fields of a customer (JSON merge patch, RFC 7396)",
            description = "Same rules and optimistic locking as PUT; null removes an optional value. "
                    + MergePatch.CONCURRENT_CHANGE)
    @ChecksReferences
    ResponseEntity<CustomerDto> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentActor actor) {
        Customer current = customers.get(id);
        CustomerUpdateRequest request = mergePatch.apply(CustomerUpdateRequest.of(current), current.getVersion(), patch,
                CustomerUpdateRequest.class);
        return updated(customers.update(id, request.toDetails(), request.version(), ifMatch, actor.auditName()));
    }

    private ResponseEntity<CustomerDto> updated(Customer customer) {
        return ResponseEntity.ok().eTag(ETags.of(customer.getVersion()))
                .body(CustomerDto.of(customer, customers.licenseCount(customer.getId())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a customer", description = "409 while the customer has licenses")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        customers.delete(id);
        return ResponseEntity.noContent().build();
    }
}
