package ai.dify.delms.sales.licenseview.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/**
 * The license-service events this service reads (docs/asyncapi.yaml), with the fields it uses;
 * other fields are ignored. Every event carries the license's {@code version} after the change and,
 * but the creation, the license as it is then ({@code license}); events published before they did
 * have neither.
 */
public final class LicenseEvents {

    /** The topic license-service publishes on. */
    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String SNAPSHOT = "delms.license.snapshot.v1";

    private LicenseEvents() {
    }

    /**
     * {@value #CREATED}. {@code createdAt} may be absent: the event's time is used then. License-service's
     * {@code GET /api/v1/licenses/{id}} names the same fields alike, so a license looked up there is
     * read as this too.
     */
    public record LicenseCreated(String id, String productType, String licenseType, UUID customerId,
            UUID salesRepId, String resellerId, LocalDate expiryDate, Integer authorizedWorkspaces,
            Integer authorizedUsers, Instant createdAt, Long version) {
    }

    /** {@value #UPDATED}: the changed fields and the license's terms after the change. */
    public record LicenseUpdated(String licenseId, List<Change> changes, Long version, State license) {

        /** One changed field, values as strings (null for empty). */
        public record Change(String field, String oldValue, String newValue) {
        }

        /** The terms of the license after the change. */
        public record State(String productType, String licenseType, UUID salesRepId, String resellerId,
                LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers) {
        }
    }

    /**
     * {@value #SNAPSHOT}: the license as it is now, re-published (not changed) for read models being
     * rebuilt, with its version.
     */
    public record LicenseSnapshot(String licenseId, Long version, State license, Instant createdAt) {

        /** The license as it is now. */
        public record State(String productType, String licenseType, UUID customerId, UUID salesRepId,
                String resellerId, LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers) {

            public LicenseUpdated.State terms() {
                return new LicenseUpdated.State(productType, licenseType, salesRepId, resellerId, expiryDate,
                        authorizedWorkspaces, authorizedUsers);
            }
        }
    }
}
