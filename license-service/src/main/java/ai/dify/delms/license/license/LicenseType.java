package ai.dify.delms.license.license;

/** How a license is sold. Only a perpetual license has no expiry date. */
public enum LicenseType {
    SUBSCRIPTION, PERPETUAL, TRIAL, POC;

    public boolean expires() {
        return this != PERPETUAL;
    }
}
