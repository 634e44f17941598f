package ai.dify.delms.alert.licenseview;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.alert.licenseview.internal.LicenseModelRepository;
import ai.dify.delms.platform.events.inbound.InboundEvent;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/**
 * Keeps the {@link LicenseModel}s up to date from license events, each handled once by the
 * idempotent consumer. Each event carries the license's state and version: the model takes the
 * state of the newest version it sees and ignores older events (redelivered, reordered, replayed).
 * Events from before they carried a version apply as they did, as long as the model has seen none
 * that does. An event about a license not seen yet (its creation was dead-lettered, say) still
 * records what it tells.
 */
@Service
public class LicenseModels {

    static final String EXPIRED_STATUS = "EXPIRED";

    private final LicenseModelRepository models;
    private final UsageHistory usageHistory;
    private final Clock clock;

    LicenseModels(LicenseModelRepository models, UsageHistory usageHistory, Clock clock) {
        this.models = models;
        this.usageHistory = usageHistory;
        this.clock = clock;
    }

    @Transactional
    public String licenseCreated(InboundEvent event, LicenseEvents.LicenseCreated license) {
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(license.id(), event), now);
        Instant createdAt = Optional.ofNullable(license.createdAt()).orElse(event.time());
        if (license.version() != null) {
            model.learnCreatedAt(createdAt);
            model.describe(license.state(), license.version(), createdAt, now);
        } else if (model.takesUnversioned()) {
            model.created(license.customerId(), license.resellerId(), license.licenseType(), license.status(),
                    license.expiryDate(), license.authorizedWorkspaces(), license.authorizedUsers(), createdAt, now);
        } else {
            model.learnCreatedAt(createdAt);
        }
        return model.getLicenseId();
    }

    @Transactional
    public String licenseUpdated(InboundEvent event, LicenseEvents.LicenseUpdated update) {
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(update.licenseId(), event), now);
        if (update.version() != null && update.license() != null) {
            model.describe(update.license(), update.version(), event.time(), now);
            return model.getLicenseId();
        }
        if (update.changes() == null || !model.takesUnversioned()) {
            return model.getLicenseId();
        }
        for (LicenseEvents.LicenseUpdated.Change change : update.changes()) {
            if (change.field() == null) {
                throw new MalformedEventException("Event " + event.id() + " has a change without a field");
            }
            try {
                model.applyChange(change.field(), change.newValue() == null ? null : change.newValue().toString(), now);
            } catch (RuntimeException e) {
                throw new MalformedEventException("Event " + event.id() + " changes " + change.field()
                        + " to an invalid value: " + e.getMessage(), e);
            }
        }
        return model.getLicenseId();
    }

    @Transactional
    public String statusChanged(InboundEvent event, LicenseEvents.StatusChanged change) {
        if (change.to() == null || change.to().isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " has no new status");
        }
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(change.licenseId(), event), now);
        if (change.version() != null && change.license() != null) {
            model.describe(change.license(), change.version(), event.time(), now);
        } else if (model.takesUnversioned()) {
            model.changeStatus(change.to(), event.time(), now);
        }
        return model.getLicenseId();
    }

    /**
     * A usage report: it joins the usage history and becomes the latest usage if it is the most
     * recent report; the license's state it carries (limits, status) is taken only if newer than
     * what the model shows, so an old report cannot bring back old limits.
     */
    @Transactional
    public String usageReported(InboundEvent event, LicenseEvents.UsageReported usage) {
        if (usage.workspaces() == null || usage.users() == null) {
            throw new MalformedEventException("Event " + event.id() + " has no workspace or user count");
        }
        Instant now = clock.instant();
        Instant reportedAt = Optional.ofNullable(usage.reportedAt()).orElse(event.time());
        if (usage.workspaces() < 0 || usage.users() < 0) {
            throw new MalformedEventException("Event " + event.id() + " reports a negative count");
        }
        LicenseModel model = model(licenseId(usage.licenseId(), event), now);
        UsagePoint point = new UsagePoint(reportedAt == null ? now : reportedAt, usage.workspaces(), usage.users());
        if (usage.version() != null && usage.license() != null) {
            model.describe(usage.license(), usage.version(), event.time(), now);
            model.reportUsage(point.workspaces(), point.users(), point.reportedAt(), null, null, now);
        } else if (model.takesUnversioned()) {
            model.reportUsage(point.workspaces(), point.users(), point.reportedAt(), usage.authorizedWorkspaces(),
                    usage.authorizedUsers(), now);
        } else {
            model.reportUsage(point.workspaces(), point.users(), point.reportedAt(), null, null, now);
        }
        usageHistory.record(model.getLicenseId(), point);
        return model.getLicenseId();
    }

    @Transactional
    public String expired(InboundEvent event, LicenseEvents.Expired expired) {
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(expired.licenseId(), event), now);
        if (expired.version() != null && expired.license() != null) {
            model.describe(expired.license(), expired.version(), event.time(), now);
        } else if (model.takesUnversioned()) {
            model.changeStatus(EXPIRED_STATUS, event.time(), now);
        }
        return model.getLicenseId();
    }

    /**
     * A license as it is now, re-published for read models being rebuilt (docs/decisions.md, 18): a
     * license not known yet becomes known with it; its state applies only if newer than the model's
     * (an older or equal version changes nothing), its status in force since the snapshot's
     * {@code statusChangedAt} (also when the model shows that version already). The creation time and
     * the latest usage report are facts that stay true, so they are learnt whatever the version, like
     * a usage report arriving late.
     */
    @Transactional
    public String snapshot(InboundEvent event, LicenseEvents.Snapshot snapshot) {
        if (snapshot.version() == null || snapshot.license() == null) {
            throw new MalformedEventException("Event " + event.id() + " has no version or license state");
        }
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(snapshot.licenseId(), event), now);
        model.learnCreatedAt(snapshot.createdAt());
        model.describe(snapshot.license(), snapshot.version(),
                Optional.ofNullable(snapshot.statusChangedAt()).orElse(event.time()), now);
        model.learnStatusSince(snapshot.version(), snapshot.statusChangedAt());
        LicenseEvents.Snapshot.Usage usage = snapshot.usage();
        if (usage != null) {
            if (usage.workspaces() == null || usage.users() == null || usage.reportedAt() == null
                    || usage.workspaces() < 0 || usage.users() < 0) {
                throw new MalformedEventException("Event " + event.id() + " has an incomplete or negative usage");
            }
            model.reportUsage(usage.workspaces(), usage.users(), usage.reportedAt(), null, null, now);
            usageHistory.record(model.getLicenseId(), new UsagePoint(usage.reportedAt(), usage.workspaces(),
                    usage.users()));
        }
        return model.getLicenseId();
    }

    @Transactional(readOnly = true)
    public Optional<LicenseModel> find(String licenseId) {
        return models.findById(licenseId);
    }

    /** The license, locked until the caller's transaction ends, so one license is evaluated by one caller at a time. */
    @Transactional
    public Optional<LicenseModel> findForEvaluation(String licenseId) {
        return models.findForUpdate(licenseId);
    }

    /** The next {@code size} licenses after {@code afterLicenseId} (null: from the first), locked like {@link #findForEvaluation}. */
    @Transactional
    public List<LicenseModel> nextBatchForEvaluation(String afterLicenseId, int size) {
        return models.findBatchAfterForUpdate(afterLicenseId == null ? "" : afterLicenseId, Limit.of(size));
    }

    /** The ids of the next {@code size} licenses after {@code afterLicenseId}, without locking them. */
    @Transactional(readOnly = true)
    public List<String> nextBatchIds(String afterLicenseId, int size) {
        return models.findIdsAfter(afterLicenseId == null ? "" : afterLicenseId, Limit.of(size));
    }

    /**
     * The next {@code size} licenses due for evaluation at {@code now} (their next evaluation time has
     * come) after {@code afterLicenseId} (null: from the first), locked like {@link #findForEvaluation}.
     */
    @Transactional
    public List<LicenseModel> nextDueBatchForEvaluation(Instant now, String afterLicenseId, int size) {
        return models.findDueAfterForUpdate(now, afterLicenseId == null ? "" : afterLicenseId, Limit.of(size));
    }

    /** The ids of {@link #nextDueBatchForEvaluation}, without locking them. */
    @Transactional(readOnly = true)
    public List<String> nextDueIds(Instant now, String afterLicenseId, int size) {
        return models.findDueIdsAfter(now, afterLicenseId == null ? "" : afterLicenseId, Limit.of(size));
    }

    /** The given licenses (those known), in license id order, locked like {@link #findForEvaluation}. */
    @Transactional
    public List<LicenseModel> findForEvaluation(Collection<String> licenseIds) {
        return licenseIds.isEmpty() ? List.of() : models.findAllForUpdate(licenseIds);
    }

    /** Forgets every license and usage report, before a rebuild from the topic. */
    @Transactional
    public void clear() {
        models.deleteAllInBulk();
        usageHistory.clear();
    }

    private LicenseModel model(String licenseId, Instant now) {
        return models.findById(licenseId).orElseGet(() -> models.save(new LicenseModel(licenseId, now)));
    }

    /** The payload's license id, else the envelope's subject (the aggregate id). */
    private static String licenseId(String fromPayload, InboundEvent event) {
        String licenseId = fromPayload != null && !fromPayload.isBlank() ? fromPayload : event.subject();
        if (licenseId == null || licenseId.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " names no license");
        }
        return licenseId;
    }
}
