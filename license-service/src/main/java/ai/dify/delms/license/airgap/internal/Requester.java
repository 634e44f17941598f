package ai.dify.delms.license.airgap.internal;

import java.util.UUID;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.platform.partner.PartnerCaller;

/**
 * Who asks: staff, who reach every license, or a partner, who reaches its reseller's licenses only
 * (none when its reseller is unknown: a partner is never taken for staff).
 *
 * @param resellerId the partner's reseller, null for staff and for a partner whose reseller is unknown
 */
public record Requester(boolean partner, UUID resellerId) {

    static Requester staff() {
        return new Requester(false, null);
    }

    static Requester partner(PartnerCaller caller) {
        return new Requester(true, caller.resellerId());
    }

    /** The license, locked, if this requester may reach it; otherwise not found, exactly like an unknown id. */
    License lock(LicenseService licenses, String licenseId) {
        return partner ? licenses.lockOfReseller(licenseId, resellerId) : licenses.lock(licenseId);
    }

    /** The license, read, if this requester may reach it; otherwise not found, exactly like an unknown id. */
    License read(LicenseService licenses, String licenseId) {
        return partner ? licenses.getOfReseller(licenseId, resellerId) : licenses.get(licenseId);
    }
}
