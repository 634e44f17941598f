package ai.dify.delms.deployment.licenseview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    static final String ORDER_DATE = "orderDate";

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
            if (known.get().getOrderDate() == null && license.orderDate() != null) {
                known.get().changeOrderDate(license.orderDate(), clock.instant());
            }
            return;
        }
        String status = Optional.ofNullable(license.status()).orElse(CREATED_STATUS);
        LicenseView view = new LicenseView(licenseId, status, createdAt, clock.instant());
        if (license.orderDate() != null) {
            view.changeOrderDate(license.orderDate(), clock.instant());
        }
        views.save(view);
    }

    @Transactional
    public void statusChanged(InboundEvent event, LicenseEvents.StatusChanged change) {
        String licenseId = required(Optional.ofNullable(change.licenseId()).orElse(event.subject()), event, "license id");
        changeStatus(licenseId, required(change.to(), event, "new status"));
    }

    /** Follows a changed order date; other changed fields do not concern deployments. */
    @Transactional
    public void updated(InboundEvent event, LicenseEvents.LicenseUpdated update) {
        String licenseId = required(Optional.ofNullable(update.licenseId()).orElse(event.subject()), event, "license id");
        if (update.changes() == null) {
            return;
        }
        update.changes().stream().filter(change -> ORDER_DATE.equals(change.field())).reduce((a, b) -> b)
                .ifPresent(change -> views.findById(licenseId).ifPresent(view -> view.changeOrderDate(
                        orderDate(change.newValue(), event), clock.instant())));
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

    /** When each of the given licenses was created, where known. */
    @Transactional(readOnly = true)
    public Map<String, Instant> createdAtOf(Collection<String> licenseIds) {
        return views.findAllById(licenseIds).stream().filter(v -> v.getCreatedAt() != null)
                .collect(Collectors.toMap(LicenseView::getLicenseId, LicenseView::getCreatedAt));
    }

    private void changeStatus(String licenseId, String status) {
        Instant now = clock.instant();
        views.findById(licenseId).ifPresentOrElse(view -> view.changeStatus(status, now),
                // the creation event is missing (e.g. dead-lettered): still remember the status
                () -> views.save(new LicenseView(licenseId, status, null, now)));
    }

    private static LocalDate orderDate(String value, InboundEvent event) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Event " + event.id() + " has an order date that is not a date: " + value);
        }
    }

    private static String required(String value, InboundEvent event, String what) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no " + what);
        }
        return value;
    }
}
