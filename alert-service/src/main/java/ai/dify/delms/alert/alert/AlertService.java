package ai.dify.delms.alert.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ai.dify.delms.alert.alert.internal.AlertEvents;
import ai.dify.delms.alert.alert.internal.AlertFilter;
import ai.dify.delms.alert.alert.internal.AlertRepository;
import ai.dify.delms.alert.alert.internal.AlertStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.NotFoundException;

/**
 * Finds, raises, acknowledges and resolves alerts; every raise, acknowledgement and resolution is
 * published to {@code delms.alerts} in the same transaction (outbox).
 */
@Service
public class AlertService {

    /** Alerts raised, acknowledged and resolved, by {@code event} and alert {@code type}. */
    public static final String CHANGES_METRIC = "delms.alerts.changes";

    private final AlertRepository alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertService(AlertRepository alerts, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional(readOnly = true)
    public Page<Alert> search(AlertFilter filter, Pageable pageable) {
        return alerts.findAll(filter.toSpecification(), pageable);
    }

    @Transactional(readOnly = true)
    public Alert get(UUID id) {
        return alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert", id));
    }

    /**
     * The alerts of the licenses whose reseller is now {@code resellerId}; a {@code null} reseller
     * (a partner the directory does not know) has none.
     */
    @Transactional(readOnly = true)
    public Page<Alert> searchOfReseller(UUID resellerId, AlertFilter filter, Pageable pageable) {
        if (resellerId == null) {
            return Page.empty(pageable);
        }
        return alerts.findAll(filter.toSpecification().and(AlertFilter.ofReseller(resellerId)), pageable);
    }

    /** An alert of a license the reseller now has; any other alert is not found, exactly like an unknown id. */
    @Transactional(readOnly = true)
    public Alert getOfReseller(UUID id, UUID resellerId) {
        if (resellerId == null) {
            throw new NotFoundException("Alert", id);
        }
        return alerts.findOne(AlertFilter.withId(id).and(AlertFilter.ofReseller(resellerId)))
                .orElseThrow(() -> new NotFoundException("Alert", id));
    }

    /** The license's open (or acknowledged) alerts. */
    @Transactional(readOnly = true)
    public List<Alert> openAlerts(String licenseId) {
        return alerts.findByLicenseIdAndStatusIn(licenseId, AlertStatus.openStatuses());
    }

    /** The open (or acknowledged) alerts of several licenses, by license id. */
    @Transactional(readOnly = true)
    public Map<String, List<Alert>> openAlerts(Collection<String> licenseIds) {
        if (licenseIds.isEmpty()) {
            return Map.of();
        }
        return alerts.findByLicenseIdInAndStatusIn(licenseIds, AlertStatus.openStatuses()).stream()
                .collect(Collectors.groupingBy(Alert::getLicenseId));
    }

    /** Raises an alert; the database refuses a second open one of the same license and type (at commit). */
    @Transactional
    public Alert raise(String licenseId, UUID customerId, String resellerId, AlertType type, AlertSeverity severity,
            String message, Map<String, Object> details) {
        // written at commit (the license's row lock keeps a second raise of the same type out meanwhile)
        Alert alert = alerts.save(
                Alert.raise(licenseId, customerId, resellerId, type, severity, message, details, now()));
        publish(AlertEvents.AlertRaised.of(alert));
        return alert;
    }

    @Transactional
    public void resolve(Alert alert) {
        if (!alert.isOpen()) {
            return;
        }
        alert.resolve(now());
        // flushed, so the event carries the version the resolution gave the alert
        publish(AlertEvents.AlertResolved.of(alerts.saveAndFlush(alert)));
    }

    /**
     * Marks an alert seen by {@code actor}. Acknowledging an acknowledged alert changes nothing; a
     * resolved one is a conflict; a stale {@code If-Match} fails.
     */
    @Transactional
    public Alert acknowledge(UUID id, String actor, String ifMatch) {
        Alert alert = get(id);
        ETags.checkIfMatch(ifMatch, alert.getVersion());
        switch (alert.getStatus()) {
            case RESOLVED -> throw new ConflictException("Alert " + id + " is RESOLVED since " + alert.getResolvedAt()
                    + "; only OPEN alerts can be acknowledged", Map.of("status", AlertStatus.RESOLVED));
            case ACKNOWLEDGED -> {
                return alert;
            }
            case OPEN -> {
                alert.acknowledge(actor, now());
                Alert saved = alerts.saveAndFlush(alert);
                publish(AlertEvents.AlertAcknowledged.of(saved));
                return saved;
            }
        }
        return alert;
    }

    private void publish(AlertEvents.AlertEvent event) {
        Counter changes = meters.counter(CHANGES_METRIC, "event",
                event.type().replace("delms.alert.", "").replace(".v1", ""), "type", event.alert().type().name());
        // counted once the change is committed, not when a rolled-back attempt made it
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                changes.increment();
            }
        });
        events.publishEvent(event);
    }

    private Instant now() {
        return clock.instant();
    }
}
