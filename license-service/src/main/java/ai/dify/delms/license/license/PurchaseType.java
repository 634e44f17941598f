package ai.dify.delms.license.license;

/** The kinds of purchase sales-service records (docs/asyncapi.yaml, PurchaseRecorded.type). */
public enum PurchaseType {
    NEW, RENEWAL, EXPANSION, UPGRADE
}
