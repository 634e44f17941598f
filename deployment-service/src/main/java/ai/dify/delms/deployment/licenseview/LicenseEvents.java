package ai.dify.delms.deployment.licenseview;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.Instant;

/** The license-service events this feature reads, with the fields it uses (others are ignored). */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";
    public static final String EXPIRED = "delms.license.expired.v1";

    private LicenseEvents() {
    }

    /** {@value #CREATED}; {@code createdAt} may be absent: the event's time is used then. */
    public record LicenseCreated(String id, String status, Instant createdAt) {
    }

    /** {@value #STATUS_CHANGED}. */
    public record StatusChanged(String licenseId, String from, String to) {
    }

    /** {@value #EXPIRED}. */
    public record Expired(String licenseId) {
    }
}
