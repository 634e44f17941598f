package ai.dify.delms.license.license.internal;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * The checks of a license list's parameters, the same for staff and partners: a bad one is a 400.
 * Both lists sort by the same properties (their {@code @Sortable}): the columns with an index
 * behind them, and a few more.
 */
public final class LicenseListParameters {

    static final int MAX_EXPIRING_WITHIN_DAYS = 3650;

    /** How both lists page and count (decision 40), for their OpenAPI descriptions. */
    static final String PAGING = "page.totalElements is exact up to the service's count limit (10,000 matches by "
            + "default); beyond it, it is a lower bound and page.totalElementsExact is false. page.next is a cursor "
            + "for the following page: send it as after (with the same filters and sort) to read deep pages fast "
            + "and without skips or repeats while licenses are added.";

    private LicenseListParameters() {
    }

    static void check(Integer expiringWithinDays) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > MAX_EXPIRING_WITHIN_DAYS)) {
            throw new BadFieldException("expiringWithinDays", "must be between 0 and " + MAX_EXPIRING_WITHIN_DAYS);
        }
    }
}
