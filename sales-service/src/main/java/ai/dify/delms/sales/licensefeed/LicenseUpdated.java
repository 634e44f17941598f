package ai.dify.delms.sales.licensefeed;

import java.util.List;

/** The part of {@code delms.license.updated.v1}'s payload this service uses: the changed fields. */
public record LicenseUpdated(String licenseId, List<Change> changes) {

    /** One changed field, values as strings (null for empty). */
    public record Change(String field, String oldValue, String newValue) {
    }
}
