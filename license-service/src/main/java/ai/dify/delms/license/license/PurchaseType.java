package ai.dify.delms.license.license;

/** The kinds of purchase sales-service records (API.md, Purchase.type). */
public enum PurchaseType {
    NEW, RENEWAL, EXPANSION, UPGRADE;

    /** Renewals and upgrades put the license in status RENEWED. */
    boolean renews() {
        return this == RENEWAL || this == UPGRADE;
    }
}
