package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseFilter;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.license.LicenseTimelines;
import ai.dify.delms.license.license.LicenseType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.ListQueries;
import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The licenses of the caller's reseller (filtered in the query); another reseller's license is as
 * unknown as a missing one.
 */
@RestController
@RequestMapping(PartnerLicenseController.PATH)
@Tag(name = "Partner API")
public class PartnerLicenseController {

    static final String PATH = PartnerAccess.PATH + "/licenses";

    private static final String HIDDEN_FIELDS = " A partner does not see salesRepId, notes, createdBy and updatedBy "
            + "(vendor-internal); in the timeline no actor, purchase amounts, currencies or order references, "
            + "engineers, or status change reasons.";

    private final LicenseService licenses;
    private final LicenseTimelines timeline;

    PartnerLicenseController(LicenseService licenses, LicenseTimelines timeline) {
        this.licenses = licenses;
        this.timeline = timeline;
    }

    @GetMapping
    @Operation(summary = "List the reseller's licenses (partner)",
            description = "Licenses whose resellerId is the caller's reseller; a caller whose reseller is unknown or "
                    + "inactive gets an empty page. Filters combine with AND, as on the staff list: status, productType, "
                    + "licenseType, customerId, expiringWithinDays (0.." + LicenseListParameters.MAX_EXPIRING_WITHIN_DAYS
                    + "), overused, q (the license id or the customer's name contain it, ignoring case). Same sort "
                    + "fields and default (createdAt,asc) as the staff list. " + LicenseListParameters.PAGING + HIDDEN_FIELDS)
    PageResponse<PartnerLicenseDto> list(@Parameter(description = "Any of these statuses (repeat the parameter: status=CREATED&status=IN_USE)")
            @RequestParam(required = false) List<LicenseStatus> status,
            @RequestParam(required = false) String productType,
            @RequestParam(required = false) LicenseType licenseType,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) Integer expiringWithinDays,
            @RequestParam(required = false) Boolean overused, @RequestParam(required = false) String q,
            @ParameterObject @Sortable({"id", "createdAt", "updatedAt", "orderDate", "startDate", "expiryDate",
                    "status", "productType", "licenseType"})
            @PageableDefault(size = 20, sort = "createdAt") Pageable pageable,
            @Parameter(description = ListQueries.AFTER_DESCRIPTION) @RequestParam(required = false) String after, PartnerCaller caller) {
        LicenseListParameters.check(expiringWithinDays);
        LicenseFilter filter = new LicenseFilter(status, productType, licenseType, customerId, null, null,
                expiringWithinDays, overused, q);
        LocalDate today = licenses.today();
        return PageResponse.of(licenses.listOfReseller(caller.resellerId(), filter, pageable, after),
                l -> PartnerLicenseDto.of(l, today));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one of the reseller's licenses with its latest usage and timeline (partner)",
            description = "usage is the latest report (null before any); timeline as GET .../{id}/timeline. Another "
                    + "reseller's license is 404, exactly as an unknown id." + HIDDEN_FIELDS)
    PartnerLicenseDto get(@PathVariable String id, PartnerCaller caller) {
        License license = licenses.getOfReseller(id, caller.resellerId());
        return PartnerLicenseDto.withTimeline(license, licenses.today(), PartnerTimelineEntry.of(timeline.of(id)));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Timeline of one of the reseller's licenses, oldest first (partner)",
            description = "The staff timeline without vendor-internal details: no actor; purchases without amount, "
                    + "currency and order reference; deployments without the engineer; status changes without the "
                    + "reason. Another reseller's license is 404, exactly as an unknown id.")
    List<PartnerTimelineEntry> timeline(@PathVariable String id, PartnerCaller caller) {
        licenses.getOfReseller(id, caller.resellerId());
        return PartnerTimelineEntry.of(timeline.of(id));
    }
}
