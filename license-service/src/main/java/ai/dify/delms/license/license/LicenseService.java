package ai.dify.delms.license.license;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.YearMonth;

import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.changelog.ChangeRecorder;
import ai.dify.delms.license.changelog.ChangeSource;
import ai.dify.delms.license.customerref.KnownCustomers;
import ai.dify.delms.platform.events.DomainEvents;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.security.Roles;

/**
 * Creates, reads, updates and transitions licenses; every change, its change-log entries and its
 * event commit together.
 */
@Service
public class LicenseService {

    private final LicenseRepository licenses;
    private final LicenseIdGenerator ids;
    private final KnownCustomers customers;
    private final ProductTypes productTypes;
    private final DomainEvents events;
    private final ChangeRecorder changes;
    private final Clock clock;

    LicenseService(LicenseRepository licenses, LicenseIdGenerator ids, KnownCustomers customers,
            ProductTypes productTypes, DomainEvents events, ChangeRecorder changes) {
        this.changes = changes;
        this.licenses = licenses;
        this.ids = ids;
        this.customers = customers;
        this.productTypes = productTypes;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public License create(LicenseTerms terms, String actor) {
        if (!productTypes.contains(terms.productType())) {
            throw new InvalidFieldException("productType", "must be one of " + productTypes.productTypes());
        }
        terms.check();
        if (!customers.isActive(terms.customerId())) {
            throw new InvalidFieldException("customerId", "is not a known customer");
        }
        LicenseId id = ids.next(terms.productType(), YearMonth.now(clock));
        License license = licenses.saveAndFlush(License.create(id, terms, actor, now()));
        events.publish(LicenseEvents.TOPIC, LicenseEvents.CREATED, id.value(), LicenseEvents.LicenseCreated.of(license));
        changes.record(id.value(), license.getCreatedAt(), actor, "status", null, LicenseStatus.CREATED.name(),
                "created", ChangeSource.API);
        return license;
    }

    /**
     * A manual status change: admins may suspend, terminate and reinstate; sales may suspend and
     * reinstate. Reinstating means changing a SUSPENDED license to the status it had before.
     */
    @Transactional
    public License transition(String id, LicenseStatus to, String reason, CurrentActor actor) {
        if (to == LicenseStatus.TERMINATED && !actor.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("Only an admin may terminate a license.");
        }
        License license = get(id);
        Instant now = now();
        String who = actor.auditName();
        LicenseStatus from = license.changeStatusByHand(to, who, now);
        licenses.flush();
        changes.record(id, now, who, "status", from.name(), to.name(), reason, ChangeSource.API);
        events.publish(LicenseEvents.TOPIC, LicenseEvents.STATUS_CHANGED, id,
                new LicenseEvents.LicenseStatusChanged(id, from, to, reason, who));
        return license;
    }

    /**
     * Replaces the editable fields. {@code ifMatch} (the ETag read) and the body's version, when
     * given, must name the current version (412 and 409); an update that changes nothing writes
     * and publishes nothing.
     */
    @Transactional
    public License update(String id, LicenseUpdate update, String ifMatch, String actor) {
        License license = get(id);
        ETags.checkIfMatch(ifMatch, license.getVersion());
        if (update.version() != null && update.version() != license.getVersion()) {
            throw new OptimisticLockingFailureException("License " + id + " is at version " + license.getVersion()
                    + ", not " + update.version() + ".");
        }
        update.checkReadOnlyFieldsOf(license);
        Instant now = now();
        List<FieldChange> changed = license.update(update.edit(), actor, now);
        if (changed.isEmpty()) {
            return license;
        }
        licenses.flush();
        for (FieldChange change : changed) {
            changes.record(id, now, actor, change.field(), change.oldValue(), change.newValue(), null,
                    ChangeSource.API);
        }
        events.publish(LicenseEvents.TOPIC, LicenseEvents.UPDATED, id,
                new LicenseEvents.LicenseUpdated(id, changed, actor, license.getVersion()));
        return license;
    }

    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return LicenseId.isValid(id) && licenses.existsById(id);
    }

    /** Microseconds: what the database keeps, so a response and a later read show the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public License get(String id) {
        if (!LicenseId.isValid(id)) {
            throw new NotFoundException("License", id);
        }
        return licenses.findById(id).orElseThrow(() -> new NotFoundException("License", id));
    }

    @Transactional(readOnly = true)
    public Page<License> list(LicenseFilter filter, Pageable pageable) {
        return licenses.findAll(filter.toSpecification(), pageable);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
