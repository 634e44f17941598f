package ai.dify.delms.license.license;


import org.springframework.data.domain.Pageable;

import ai.dify.delms.platform.paging.SortableFields;
import ai.dify.delms.platform.problem.BadFieldException;

/** The checks of a license list's parameters, the same for staff and partners: a bad one is a 400. */
final class LicenseListParameters {

    /** What a list may be sorted by: the columns with an index behind them, and a few more. */
    static final SortableFields SORTABLE = SortableFields.of("id", "createdAt", "updatedAt", "orderDate", "startDate",
            "expiryDate", "status", "productType", "licenseType");
    static final int MAX_EXPIRING_WITHIN_DAYS = 3650;

    private LicenseListParameters() {
    }

    static void check(Integer expiringWithinDays, Pageable pageable) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > MAX_EXPIRING_WITHIN_DAYS)) {
            throw new BadFieldException("expiringWithinDays", "must be between 0 and " + MAX_EXPIRING_WITHIN_DAYS);
        }
        SORTABLE.check(pageable.getSort());
    }
}
