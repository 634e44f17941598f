package ai.dify.delms.license.license.internal;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * The checks of a license list's parameters, the same for staff and partners: a bad one is a 400.
 * Both lists sort by the same properties (their {@code @Sortable}): the columns with an index
 * behind them, and a few more.
 */
public final class LicenseListParameters {

    static final int MAX_EXPIRING_WITHIN_DAYS = 3650;

    private LicenseListParameters() {
    }

    static void check(Integer expiringWithinDays) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > MAX_EXPIRING_WITHIN_DAYS)) {
            throw new BadFieldException("expiringWithinDays", "must be between 0 and " + MAX_EXPIRING_WITHIN_DAYS);
        }
    }
}
