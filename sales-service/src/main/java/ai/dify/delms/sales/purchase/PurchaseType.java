package ai.dify.delms.sales.purchase;

/** What a purchase buys: a new license, more time, higher limits, or another product. */
public enum PurchaseType {
    NEW, RENEWAL, EXPANSION, UPGRADE
}
