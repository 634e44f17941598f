package ai.dify.delms.license.changelog.internal;

import ai.dify.delms.license.changelog.ChangeLogEntry;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.ChangeOrigin;
import ai.dify.delms.license.license.LicenseEvents.LicenseCreated;
import ai.dify.delms.license.license.LicenseEvents.LicenseStatusChanged;
import ai.dify.delms.license.license.LicenseEvents.LicenseUpdated;
import ai.dify.delms.license.license.LicenseEvents.UsageReported;
import ai.dify.delms.license.license.FieldChange;
import ai.dify.delms.license.license.UsageApplied;
import ai.dify.delms.platform.events.Causation;
import ai.dify.delms.platform.events.EventActor;

/**
 * Writes the change log from the license events, in the transaction that raises them (it refuses to
 * run without one): the creation, every changed field, every status change and every usage report
 * that became the latest. A change made by a consumed event also records the person behind the
 * event and what it was about ({@link Causation}), so the entry reads "bob, via purchase ...", not
 * just the service.
 */
@Component
public class ChangeRecorder {

    private final ChangeLogRepository entries;

    ChangeRecorder(ChangeLogRepository entries) {
        this.entries = entries;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void created(LicenseCreated created) {
        record(created.licenseId(), created.origin(), created.createdBy(), "status", null, created.status().name(),
                "created");
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void updated(LicenseUpdated updated) {
        for (FieldChange change : updated.changes()) {
            record(updated.licenseId(), updated.origin(), updated.actor(), change.field(), change.oldValue(),
                    change.newValue(), updated.reason());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void statusChanged(LicenseStatusChanged changed) {
        record(changed.licenseId(), changed.origin(), changed.actor(), "status", changed.from().name(),
                changed.to().name(), changed.reason());
    }

    /** A report that is not the latest (one sent late) changes nothing a person reads as the license's usage. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void usageReported(UsageReported reported) {
        UsageApplied applied = reported.applied();
        if (applied.becameLatest()) {
            record(reported.licenseId(), reported.origin(), reported.reportedBy(), "usage",
                    applied.previous() == null ? null : applied.previous().toString(), reported.report().toString(),
                    "usage report");
        }
    }

    private void record(String licenseId, ChangeOrigin origin, String actor, String field, String oldValue,
            String newValue, String reason) {
        Optional<Causation.ConsumedEvent> event = Causation.consumedEvent();
        EventActor behind = event.map(Causation.ConsumedEvent::actor).orElse(null);
        String via = event.map(e -> e.via() + " (" + e.source() + ")").orElse(null);
        Instant at = origin.at();
        entries.save(new ChangeLogEntry(licenseId, at, actor, field, oldValue, newValue, reason, origin.source(),
                behind == null ? null : behind.subject(), behind == null ? null : behind.clientId(), via));
    }
}
