package ai.dify.delms.license.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What the timeline needs to know of a license itself (implemented by the license feature). */
public interface TimelineLicenses {

    Optional<LicenseFacts> facts(String licenseId);

    /** Creation, order and expiry of a license. */
    record LicenseFacts(Instant createdAt, String createdBy, LocalDate orderDate, LocalDate expiryDate) {
    }
}
