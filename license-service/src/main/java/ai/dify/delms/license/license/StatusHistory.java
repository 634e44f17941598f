package ai.dify.delms.license.license;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Since when licenses have their current status (kept by the change log, which listens to the license). */
public interface StatusHistory {

    /**
     * Each given license's latest status change (its creation, if its status never changed); a
     * license without any is absent.
     */
    Map<String, Instant> statusSince(Collection<String> licenseIds);
}
