package ai.dify.delms.license.license;

/** The kinds of purchase sales-service records (API.md, Purchase.type). */
public enum PurchaseType {
    NEW, RENEWAL, EXPANSION, UPGRADE
}
