package ai.dify.delms.license.license;

import ai.dify.delms.license.license.internal.LicenseRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes every license as it is now ({@code delms.license.snapshot.v1}), a page at a time in
 * license id order (docs/decisions.md, 18). A page is one transaction that holds its licenses' rows
 * until their events are stored, as every change of a license does, so a snapshot never goes out
 * beside a change of the same license it does not show.
 */
@Service
public class LicenseSnapshots {

    private final LicenseRepository licenses;
    private final StatusHistory statusHistory;
    private final ApplicationEventPublisher events;

    LicenseSnapshots(LicenseRepository licenses, StatusHistory statusHistory, ApplicationEventPublisher events) {
        this.licenses = licenses;
        this.statusHistory = statusHistory;
        this.events = events;
    }

    /** How many licenses there are: a run publishes at least these (and those created meanwhile after its page). */
    @Transactional(readOnly = true)
    public long count() {
        return licenses.count();
    }

    /**
     * Publishes the snapshots of the next {@code size} licenses after {@code afterLicenseId} (null:
     * from the first), as part of the run {@code snapshotId}.
     */
    @Transactional
    public Page publishPage(UUID snapshotId, String afterLicenseId, int size) {
        List<License> page = licenses.findPageAfterForUpdate(afterLicenseId == null ? "" : afterLicenseId,
                Limit.of(size));
        Map<String, Instant> statusSince = statusHistory.statusSince(page.stream().map(l -> l.getId().value()).toList());
        for (License license : page) {
            events.publishEvent(LicenseEvents.LicenseSnapshot.of(license, statusSince.get(license.getId().value()),
                    snapshotId));
        }
        return new Page(page.size(), page.isEmpty() ? afterLicenseId : page.get(page.size() - 1).getId().value());
    }

    /**
     * One published page.
     *
     * @param published     how many snapshots it published (fewer than asked for: the last page)
     * @param lastLicenseId the last license it published, where the next page starts
     */
    public record Page(int published, String lastLicenseId) {
    }
}
