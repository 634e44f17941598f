package ai.dify.delms.deployment.licenseview;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.inbound.InboundEvent;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/**
 * Keeps {@link LicenseView}s up to date from license events (each handled once by the idempotent
 * consumer) and answers whether a license accepts deployments.
 */
@Service
public class LicenseViews {

    static final String CREATED_STATUS = "CREATED";
    static final String EXPIRED_STATUS = "EXPIRED";

    private final LicenseViewRepository views;
    private final Clock clock = Clock.systemUTC();

    LicenseViews(LicenseViewRepository views) {
        this.views = views;
    }

    @Transactional
    public void licenseCreated(InboundEvent event, LicenseEvents.LicenseCreated license) {
        String licenseId = required(Optional.ofNullable(license.id()).orElse(event.subject()), event, "license id");
        Instant createdAt = Optional.ofNullable(license.createdAt()).orElse(event.time());
        Optional<LicenseView> known = views.findById(licenseId);
        if (known.isPresent()) {
            // a status change got here first; it is newer than the status at creation
            known.get().learnCreatedAt(createdAt);
            return;
        }
        String status = Optional.ofNullable(license.status()).orElse(CREATED_STATUS);
        views.save(new LicenseView(licenseId, status, createdAt, clock.instant()));
    }

    @Transactional
    public void statusChanged(InboundEvent event, LicenseEvents.StatusChanged change) {
        String licenseId = required(Optional.ofNullable(change.licenseId()).orElse(event.subject()), event, "license id");
        changeStatus(licenseId, required(change.to(), event, "new status"));
    }

    @Transactional
    public void expired(InboundEvent event, LicenseEvents.Expired expired) {
        String licenseId = required(Optional.ofNullable(expired.licenseId()).orElse(event.subject()), event, "license id");
        changeStatus(licenseId, EXPIRED_STATUS);
    }

    /** Whether a deployment may be scheduled: the license is known here and not terminated. */
    @Transactional(readOnly = true)
    public boolean acceptsDeployments(String licenseId) {
        return views.findById(licenseId).map(LicenseView::acceptsDeployments).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<LicenseView> find(String licenseId) {
        return views.findById(licenseId);
    }

    private void changeStatus(String licenseId, String status) {
        Instant now = clock.instant();
        views.findById(licenseId).ifPresentOrElse(view -> view.changeStatus(status, now),
                // the creation event is missing (e.g. dead-lettered): still remember the status
                () -> views.save(new LicenseView(licenseId, status, null, now)));
    }

    private static String required(String value, InboundEvent event, String what) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no " + what);
        }
        return value;
    }
}
