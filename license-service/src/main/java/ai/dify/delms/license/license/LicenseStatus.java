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
        NEXT.put(CREATED, EnumSet.of(DEPLOYED, RENEWED, EXPIRED, SUSPENDED, TERMINATED));
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

    /** Whether the license is in force (counts as active on the dashboard). */
    public boolean isActive() {
        return this != EXPIRED && this != SUSPENDED && this != TERMINATED;
    }
}
