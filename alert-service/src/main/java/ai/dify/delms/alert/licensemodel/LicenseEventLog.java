package ai.dify.delms.alert.licensemodel;

/** The license events topic as the rebuild sees it: live consumption to hold, and a full replay. */
interface LicenseEventLog {

    /** Holds live consumption (bounded wait until it is held). */
    void pauseLive();

    void resumeLive();

    /** Replays the topic from its beginning up to its end now into the read model (no alerts). */
    ReplayCount replayIntoModel();

    /** Records replayed into the model, and records skipped as unreadable or failing. */
    record ReplayCount(long applied, long skipped) {
    }
}
