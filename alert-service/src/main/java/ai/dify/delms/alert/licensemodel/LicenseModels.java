package ai.dify.delms.alert.licensemodel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.inbound.InboundEvent;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/**
 * Keeps the {@link LicenseModel}s up to date from license events, each handled once by the
 * idempotent consumer. An event about a license not seen yet (its creation was dead-lettered, say)
 * still records what it tells.
 */
@Service
public class LicenseModels {

    static final String EXPIRED_STATUS = "EXPIRED";

    private final LicenseModelRepository models;
    private final Clock clock = Clock.systemUTC();

    LicenseModels(LicenseModelRepository models) {
        this.models = models;
    }

    @Transactional
    public void licenseCreated(InboundEvent event, LicenseEvents.LicenseCreated license) {
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(license.id(), event), now);
        model.created(license.customerId(), license.resellerId(), license.licenseType(), license.status(),
                license.expiryDate(), license.authorizedWorkspaces(), license.authorizedUsers(),
                Optional.ofNullable(license.createdAt()).orElse(event.time()), now);
    }

    @Transactional
    public void licenseUpdated(InboundEvent event, LicenseEvents.LicenseUpdated update) {
        Instant now = clock.instant();
        LicenseModel model = model(licenseId(update.licenseId(), event), now);
        if (update.changes() == null) {
            return;
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
    }

    @Transactional
    public void statusChanged(InboundEvent event, LicenseEvents.StatusChanged change) {
        if (change.to() == null || change.to().isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " has no new status");
        }
        Instant now = clock.instant();
        model(licenseId(change.licenseId(), event), now).changeStatus(change.to(), now);
    }

    @Transactional
    public void usageReported(InboundEvent event, LicenseEvents.UsageReported usage) {
        if (usage.workspaces() == null || usage.users() == null) {
            throw new MalformedEventException("Event " + event.id() + " has no workspace or user count");
        }
        Instant now = clock.instant();
        Instant reportedAt = Optional.ofNullable(usage.reportedAt()).orElse(event.time());
        model(licenseId(usage.licenseId(), event), now).reportUsage(usage.workspaces(), usage.users(),
                reportedAt == null ? now : reportedAt, usage.authorizedWorkspaces(), usage.authorizedUsers(), now);
    }

    @Transactional
    public void expired(InboundEvent event, LicenseEvents.Expired expired) {
        Instant now = clock.instant();
        model(licenseId(expired.licenseId(), event), now).changeStatus(EXPIRED_STATUS, now);
    }

    @Transactional(readOnly = true)
    public Optional<LicenseModel> find(String licenseId) {
        return models.findById(licenseId);
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
