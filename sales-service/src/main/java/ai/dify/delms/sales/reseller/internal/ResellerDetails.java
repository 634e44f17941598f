package ai.dify.delms.sales.reseller;

/** The editable fields of a reseller, normalized (trimmed, e-mail lower-case). */
record ResellerDetails(String name, String contactEmail, String region, ResellerTier tier, boolean active) {

    static ResellerDetails of(String name, String contactEmail, String region, ResellerTier tier, boolean active) {
        return new ResellerDetails(name.trim(), Reseller.normalizeEmail(contactEmail), region.trim(), tier, active);
    }

    static ResellerDetails of(Reseller r) {
        return new ResellerDetails(r.getName(), r.getContactEmail(), r.getRegion(), r.getTier(), r.isActive());
    }
}
