package ai.dify.delms.customer.licenseview.internal;

import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/**
 * The license-service events this service reads (docs/asyncapi.yaml), with the fields it uses;
 * other fields are ignored. Only which customer a license belongs to matters here.
 */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String SNAPSHOT = "delms.license.snapshot.v1";

    private LicenseEvents() {
    }

    /** {@value #CREATED}: the part of a created license this service needs. */
    public record LicenseCreated(String id, UUID customerId) {
    }

    /** {@value #SNAPSHOT}: the license as it is now, re-published for read models being rebuilt. */
    public record LicenseSnapshot(String licenseId, State license) {
    }

    /** The license as a snapshot shows it, as far as this service cares. */
    public record State(UUID customerId) {
    }
}
