package ai.dify.delms.sales.reseller;

/** How closely a reseller partners with us. */
public enum ResellerTier {
    AUTHORIZED, GOLD, PLATINUM
}
