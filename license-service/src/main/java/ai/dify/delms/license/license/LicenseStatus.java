package ai.dify.delms.license.license;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a license is in its life, and the one table of which status may follow which:
 * {@code CREATED -> DEPLOYED -> IN_USE -> RENEWED -> EXPIRED}, plus {@code SUSPENDED} (reversible:
 * a reinstated license returns to a working status) and {@code TERMINATED} (final).
 */
public enum LicenseStatus {
    CREATED, DEPLOYED, IN_USE, RENEWED, EXPIRED, SUSPENDED, TERMINATED;

    private static final Map<LicenseStatus, Set<LicenseStatus>> NEXT = new EnumMap<>(LicenseStatus.class);

    static {
        // IN_USE from CREATED: usage proves a deployment that was never recorded (e.g. run by a partner)
        NEXT.put(CREATED, EnumSet.of(DEPLOYED, IN_USE, RENEWED, EXPIRED, SUSPENDED, TERMINATED));
        NEXT.put(DEPLOYED, EnumSet.of(IN_USE, RENEWED, EXPIRED, SUSPENDED, TERMINATED));
        NEXT.put(IN_USE, EnumSet.of(RENEWED, EXPIRED, SUSPENDED, TERMINATED));
        NEXT.put(RENEWED, EnumSet.of(IN_USE, RENEWED, EXPIRED, SUSPENDED, TERMINATED));
        NEXT.put(EXPIRED, EnumSet.of(RENEWED, TERMINATED));
        NEXT.put(SUSPENDED, EnumSet.of(CREATED, DEPLOYED, IN_USE, RENEWED, EXPIRED, TERMINATED));
        NEXT.put(TERMINATED, EnumSet.noneOf(LicenseStatus.class));
    }

    /** The statuses this one may change to. */
    public Set<LicenseStatus> allowedNext() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    public boolean canChangeTo(LicenseStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * The statuses a user may set by hand from this one (all others are set automatically): SUSPENDED
     * and TERMINATED where the table allows them, and from SUSPENDED the status the license had before
     * its suspension (reinstatement).
     *
     * @param beforeSuspension the status before the suspension; only used when this is SUSPENDED
     */
    public Set<LicenseStatus> manualNext(LicenseStatus beforeSuspension) {
        Set<LicenseStatus> next = EnumSet.noneOf(LicenseStatus.class);
        for (LicenseStatus target : EnumSet.of(SUSPENDED, TERMINATED)) {
            if (canChangeTo(target)) {
                next.add(target);
            }
        }
        if (this == SUSPENDED && beforeSuspension != null && canChangeTo(beforeSuspension)) {
            next.add(beforeSuspension);
        }
        return Collections.unmodifiableSet(next);
    }

    /** Whether only the system sets this status (deployments, usage reports, purchases, the expiry date). */
    public boolean isAutomatic() {
        return this != SUSPENDED && this != TERMINATED;
    }

    /**
     * The status after a usage report: a license not yet in use (CREATED, DEPLOYED) or just renewed
     * is IN_USE from its first report on; in any other status a report changes nothing.
     */
    public LicenseStatus afterUsageReport() {
        return this == CREATED || this == DEPLOYED || this == RENEWED ? IN_USE : this;
    }

    /** Whether the expiry job expires a license in this status once its expiry date has passed. */
    public boolean expiresWhenDue() {
        return isActive();
    }

    /** The statuses the expiry job looks at. */
    public static Set<LicenseStatus> expiringWhenDue() {
        Set<LicenseStatus> due = EnumSet.noneOf(LicenseStatus.class);
        for (LicenseStatus status : values()) {
            if (status.expiresWhenDue()) {
                due.add(status);
            }
        }
        return due;
    }

    /** Whether the license is in force (counts as active on the dashboard). */
    public boolean isActive() {
        return this != EXPIRED && this != SUSPENDED && this != TERMINATED;
    }
}
