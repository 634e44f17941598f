package ai.dify.delms.sales.reseller.internal;

/** How closely a reseller partners with us. */
public enum ResellerTier {
    AUTHORIZED, GOLD, PLATINUM
}
