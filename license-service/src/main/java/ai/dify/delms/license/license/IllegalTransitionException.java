package ai.dify.delms.license.license;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.dify.delms.platform.problem.ConflictException;

/** A status change the lifecycle does not allow from the license's current status: 409. */
public class IllegalTransitionException extends ConflictException {

    private final LicenseStatus current;
    private final Set<LicenseStatus> allowed;

    IllegalTransitionException(String licenseId, LicenseStatus current, LicenseStatus requested,
            Set<LicenseStatus> allowed) {
        // currentStatus and allowedTransitions go into the problem for clients to act on
        super(detail(licenseId, current, requested, allowed), Map.of("currentStatus", current,
                "allowedTransitions", allowed.stream().map(Enum::name).sorted().toList()));
        this.current = current;
        this.allowed = allowed;
    }

    private static String detail(String licenseId, LicenseStatus current, LicenseStatus requested,
            Set<LicenseStatus> allowed) {
        String allowedText = allowed.isEmpty() ? "none"
                : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        String detail = "License " + licenseId + " is " + current + " and cannot be changed to " + requested
                + " by hand; allowed: " + allowedText + ".";
        if (requested.isAutomatic() && !allowed.contains(requested)) {
            detail += " " + requested + " is set automatically (deployments, usage reports, purchases, expiry);"
                    + " by hand only reinstatement returns a suspended license to its previous status.";
        }
        return detail;
    }

    public LicenseStatus current() {
        return current;
    }

    public Set<LicenseStatus> allowed() {
        return allowed;
    }
}
