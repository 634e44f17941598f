package ai.dify.delms.alert.licenseview;

/**
 * Told when the read model changes, so alerts can follow. Implemented outside this feature (the
 * alert evaluation) to keep the read model free of alert rules.
 */
public interface LicenseModelObserver {

    /** A live event changed what is known of the license; called inside the event's transaction. */
    void licenseChanged(String licenseId);

    /** The read model was rebuilt from the topic: everything may have changed. */
    void modelRebuilt();
}
