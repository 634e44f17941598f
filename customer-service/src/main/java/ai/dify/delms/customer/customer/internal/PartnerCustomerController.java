package ai.dify.delms.customer.customer.internal;

import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The customers the caller's reseller serves; another reseller's customer is as unknown as a missing one. */
@RestController
@RequestMapping(PartnerCustomerController.PATH)
@Tag(name = "Partner API")
class PartnerCustomerController {

    static final String PATH = PartnerAccess.PATH + "/customers";

    private static final String HIDDEN_FIELDS = "A partner's customer leaves out the owning sales rep, the notes, "
            + "the names of the vendor's staff who created or changed it, the license count and the version.";

    private final CustomerService customers;

    PartnerCustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(summary = "List the reseller's customers (partner)", description = "Customers whose resellerId is the "
            + "caller's reseller (the token's reseller_id); none when that reseller is unknown or deactivated. q searches "
            + "name, contact name and e-mail ignoring case; region, country and industry match exactly. Sortable by "
            + "name, industry, region, country, createdAt, updatedAt (default name). " + HIDDEN_FIELDS)
    PageResponse<PartnerCustomerDto> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String region, @RequestParam(required = false) String country,
            @RequestParam(required = false) String industry,
            // only what a partner sees may order the list: sorting by a hidden field would reveal it
            @ParameterObject @Sortable({"name", "industry", "region", "country", "createdAt", "updatedAt"})
            @PageableDefault(size = 20, sort = "name") Pageable pageable, PartnerCaller caller) {
        Page<Customer> page = customers.listOfReseller(caller.resellerId(),
                CustomerFilter.forPartner(q, region, country, industry), pageable);
        return PageResponse.of(page, PartnerCustomerDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one of the reseller's customers (partner)", description = "Another reseller's customer, "
            + "a direct customer or an unknown id: 404 with the same body (only `instance` differs). " + HIDDEN_FIELDS)
    PartnerCustomerDto get(@PathVariable UUID id, PartnerCaller caller) {
        return PartnerCustomerDto.of(customers.getOfReseller(id, caller.resellerId()));
    }
}
