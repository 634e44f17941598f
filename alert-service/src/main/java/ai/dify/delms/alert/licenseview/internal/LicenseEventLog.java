package ai.dify.delms.alert.licenseview.internal;

import ai.dify.delms.alert.licenseview.LicenseSnapshotRequest;
import java.time.Duration;

/** The license events topic as the rebuild sees it: live consumption to hold, and a full replay. */
interface LicenseEventLog {

    /** Holds live consumption (bounded wait until it is held). */
    void pauseLive();

    void resumeLive();

    /**
     * Replays the topic from its beginning up to its end now into the read model (no alerts). With a
     * snapshot to wait for, it goes on reading past that end until it has applied the snapshot's
     * events (as many as its license count), or until {@code wait} has passed.
     *
     * @param snapshot the run to wait for, or null
     */
    ReplayCount replayIntoModel(LicenseSnapshotRequest.Snapshot snapshot, Duration wait);

    /**
     * Records replayed into the model, records skipped as unreadable or failing, and of those
     * replayed, the events of the awaited snapshot.
     */
    record ReplayCount(long applied, long skipped, long snapshotEvents) {
    }
}
