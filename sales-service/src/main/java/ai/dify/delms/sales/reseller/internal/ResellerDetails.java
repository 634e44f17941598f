package ai.dify.delms.sales.reseller.internal;

import ai.dify.delms.sales.reseller.Reseller;

/** The editable fields of a reseller, normalized (trimmed, e-mail lower-case). */
public record ResellerDetails(String name, String contactEmail, String region, ResellerTier tier, boolean active) {

    public static ResellerDetails of(String name, String contactEmail, String region, ResellerTier tier, boolean active) {
        return new ResellerDetails(name.trim(), Reseller.normalizeEmail(contactEmail), region.trim(), tier, active);
    }

    public static ResellerDetails of(Reseller r) {
        return new ResellerDetails(r.getName(), r.getContactEmail(), r.getRegion(), r.getTier(), r.isActive());
    }
}
