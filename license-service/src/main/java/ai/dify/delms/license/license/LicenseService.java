package ai.dify.delms.license.license;

import ai.dify.delms.license.license.internal.LicenseIdGenerator;
import ai.dify.delms.license.license.internal.LicenseRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.paging.ListPage;
import ai.dify.delms.platform.paging.ListQueries;
import ai.dify.delms.platform.paging.ListQueries.ListQuery;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * Creates, reads, updates and transitions licenses. Each change raises typed events
 * ({@link LicenseEvents}, {@link PurchaseApplied}, {@link DeploymentApplied}) once the license is
 * flushed (so they carry its new version); the outbox, the change log and the timeline take them in
 * the same transaction, so a change, its history and its event commit together (docs/decisions.md, 30).
 */
@Service
public class LicenseService {

    private final LicenseRepository licenses;
    private final LicenseIdGenerator ids;
    private final KnownCustomers customers;
    private final ProductTypes productTypes;
    private final ApplicationEventPublisher events;
    private final SalesDirectory salesDirectory;
    private final Clock clock;
    private final BusinessTimeZone businessTime;
    private final ListQueries lists;

    LicenseService(LicenseRepository licenses, LicenseIdGenerator ids, KnownCustomers customers,
            ProductTypes productTypes, ApplicationEventPublisher events, SalesDirectory salesDirectory, Clock clock,
            BusinessTimeZone businessTime, ListQueries lists) {
        this.licenses = licenses;
        this.ids = ids;
        this.customers = customers;
        this.productTypes = productTypes;
        this.events = events;
        this.salesDirectory = salesDirectory;
        this.clock = clock;
        this.businessTime = businessTime;
        this.lists = lists;
    }

    @Transactional
    public License create(LicenseTerms terms, String actor) {
        if (!productTypes.contains(terms.productType())) {
            throw new InvalidFieldException("productType", "must be one of " + productTypes.productTypes());
        }
        terms.check();
        if (!customers.exists(terms.customerId())) {
            throw new InvalidFieldException("customerId", "is not a known customer");
        }
        salesDirectory.checkNamedParties(null, terms.salesRepId(), null, terms.resellerId());
        LicenseId id = ids.next(terms.productType(), YearMonth.now(clock));
        License license = licenses.saveAndFlush(License.create(id, terms, actor, now()));
        events.publishEvent(LicenseEvents.LicenseCreated.of(license));
        return license;
    }

    private static final String ONLY_ADMINS_TERMINATE =
            "#to != T(ai.dify.delms.license.license.LicenseStatus).TERMINATED or " + Roles.ADMIN_ONLY;

    /**
     * A manual status change: admins may suspend, terminate and reinstate; sales may suspend and
     * reinstate. Reinstating means changing a SUSPENDED license to the status it had before.
     */
    @Transactional
    @PreAuthorize(ONLY_ADMINS_TERMINATE)
    public License transition(String id, LicenseStatus to, String reason, CurrentActor actor) {
        License license = get(id);
        Instant now = now();
        String who = actor.auditName();
        LicenseStatus from = license.changeStatusByHand(to, who, now);
        licenses.flush();
        events.publishEvent(LicenseEvents.LicenseStatusChanged.of(license, from, reason, who,
                new ChangeOrigin(now, ChangeSource.API)));
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
        ETags.checkExpectedVersion("License " + id, ifMatch, update.version(), license.getVersion());
        update.checkReadOnlyFieldsOf(license);
        salesDirectory.checkNamedParties(license.getSalesRepId(), update.edit().salesRepId(), license.getResellerId(),
                update.edit().resellerId());
        Instant now = now();
        List<FieldChange> changed = license.update(update.edit(), actor, now);
        if (changed.isEmpty()) {
            return license;
        }
        licenses.flush();
        events.publishEvent(LicenseEvents.LicenseUpdated.of(license, changed, actor, null,
                new ChangeOrigin(now, ChangeSource.API)));
        return license;
    }

    /**
     * Applies a usage report to the license (locked for the transaction, so concurrent reports are
     * judged one after the other): latest usage, IN_USE on first use, change log, timeline milestones
     * and the usage-reported event. Runs in the caller's transaction, which stores the report itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UsageApplied applyUsage(String id, LatestUsage report, String actor) {
        return applyUsage(lockedOrNotFound(id), report, actor);
    }

    /**
     * {@link #applyUsage(String, LatestUsage, String)} for a partner: only to one of the reseller's
     * licenses. Any other license is not found, exactly like an unknown id, and nothing changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UsageApplied applyUsageOfReseller(String id, UUID resellerId, LatestUsage report, String actor) {
        return applyUsage(lockOfReseller(id, resellerId), report, actor);
    }

    /**
     * The license, locked ({@code FOR UPDATE}) until the caller's transaction ends: what the caller
     * derives from it (a license file) stays that of one version, and callers run one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public License lock(String id) {
        return lockedOrNotFound(id);
    }

    /** {@link #lock} of one of the reseller's licenses; any other license is not found, exactly like an unknown id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public License lockOfReseller(String id, UUID resellerId) {
        if (resellerId == null || !LicenseId.isValid(id)) {
            throw new NotFoundException("License", id);
        }
        return licenses.findForUpdateOfReseller(id, resellerId).orElseThrow(() -> new NotFoundException("License", id));
    }

    private UsageApplied applyUsage(License license, LatestUsage report, String actor) {
        ChangeOrigin origin = new ChangeOrigin(now(), ChangeSource.API);
        UsageApplied applied = license.recordUsage(report, actor, origin.at());
        licenses.flush();
        if (applied.statusChanged()) {
            String reason = applied.firstReport() ? "first usage report" : "usage reported";
            events.publishEvent(LicenseEvents.LicenseStatusChanged.of(license, applied.statusBefore(), reason, actor,
                    origin));
        }
        events.publishEvent(LicenseEvents.UsageReported.of(license, report, applied, actor, origin));
        return applied;
    }

    /**
     * Applies a purchase recorded by sales-service (see {@link License#applyPurchase}: late and
     * reordered purchases never shorten the license or lower a limit); every changed field goes to
     * the change log with the purchase as the reason, and the purchase to the timeline.
     *
     * @param at when the purchase was recorded
     * @throws NotFoundException if the license is unknown (the event is retried, then dead-lettered)
     */
    @Transactional
    public License applyPurchase(String id, PurchaseFacts purchase, String actor, Instant at) {
        License license = lockedOrNotFound(id);
        if (purchase.type() == PurchaseType.UPGRADE && purchase.productTypeAfter() != null
                && !productTypes.contains(purchase.productTypeAfter())) {
            throw new IllegalArgumentException("Purchase " + purchase.id() + " upgrades license " + id
                    + " to the unknown product type " + purchase.productTypeAfter());
        }
        ChangeOrigin origin = new ChangeOrigin(now(), ChangeSource.EVENT);
        Instant recordedAt = at == null ? origin.at() : at;
        List<FieldChange> changed = license.applyPurchase(purchase, recordedAt, actor, origin.at());
        licenses.flush();
        String reason = "purchase " + purchase.id() + " (" + purchase.type() + ")";
        List<FieldChange> fields = changed.stream().filter(c -> !c.field().equals("status")).toList();
        if (!fields.isEmpty()) {
            events.publishEvent(LicenseEvents.LicenseUpdated.of(license, fields, actor, reason, origin));
        }
        changed.stream().filter(c -> c.field().equals("status")).findFirst().ifPresent(c -> events.publishEvent(
                LicenseEvents.LicenseStatusChanged.of(license, LicenseStatus.valueOf(c.oldValue()), reason, actor,
                        origin)));
        events.publishEvent(new PurchaseApplied(id, purchase, recordedAt,
                fields.stream().map(FieldChange::field).toList(), actor));
        return license;
    }

    /**
     * Applies a completed deployment: CREATED becomes DEPLOYED; otherwise only the timeline records it.
     *
     * @throws NotFoundException if the license is unknown (the event is retried, then dead-lettered)
     */
    @Transactional
    public License applyDeployment(String id, DeploymentFacts deployment, String actor, Instant at) {
        License license = lockedOrNotFound(id);
        ChangeOrigin origin = new ChangeOrigin(now(), ChangeSource.EVENT);
        String reason = "deployment " + deployment.deploymentId() + " completed";
        license.deploymentCompleted(actor, origin.at()).ifPresent(from -> {
            licenses.flush();
            events.publishEvent(LicenseEvents.LicenseStatusChanged.of(license, from, reason, actor, origin));
        });
        Instant when = deployment.completedAt() != null ? deployment.completedAt() : at == null ? origin.at() : at;
        events.publishEvent(new DeploymentApplied(id, deployment, when, actor));
        return license;
    }

    /**
     * Expires up to {@code batchSize} licenses whose expiry date is before {@code today}, in one
     * transaction. The rows are claimed with {@code FOR UPDATE SKIP LOCKED}: instances running at the
     * same time take different licenses, and a committed one is no longer due, so each license
     * expires exactly once.
     *
     * @return how many expired
     */
    @Transactional
    public int expireDue(LocalDate today, int batchSize, String actor) {
        List<String> due = licenses.lockDueForExpiry(today,
                LicenseStatus.expiringWhenDue().stream().map(Enum::name).toList(), batchSize);
        ChangeOrigin origin = new ChangeOrigin(now(), ChangeSource.SCHEDULE);
        int expired = 0;
        for (License license : licenses.findAllById(due)) {
            var from = license.expireIfDue(today, actor, origin.at());
            if (from.isEmpty()) {
                continue;
            }
            licenses.flush();
            events.publishEvent(LicenseEvents.LicenseStatusChanged.of(license, from.get(),
                    "expiry date " + license.getExpiryDate() + " passed", actor, origin));
            events.publishEvent(LicenseEvents.LicenseExpired.of(license));
            expired++;
        }
        return expired;
    }

    private License lockedOrNotFound(String id) {
        if (!LicenseId.isValid(id)) {
            throw new NotFoundException("License", id);
        }
        return licenses.findForUpdate(id).orElseThrow(() -> new NotFoundException("License", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return LicenseId.isValid(id) && licenses.existsById(id);
    }

    private Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public License get(String id) {
        if (!LicenseId.isValid(id)) {
            throw new NotFoundException("License", id);
        }
        return licenses.findById(id).orElseThrow(() -> new NotFoundException("License", id));
    }

    /**
     * One of the reseller's licenses; another reseller's (or any, for a caller without a known
     * reseller) is not found, exactly like an unknown id.
     */
    @Transactional(readOnly = true)
    public License getOfReseller(String id, UUID resellerId) {
        if (resellerId == null || !LicenseId.isValid(id)) {
            throw new NotFoundException("License", id);
        }
        return licenses.findByIdAndResellerId(id, resellerId).orElseThrow(() -> new NotFoundException("License", id));
    }

    /** The reseller's licenses matching the filter, restricted in the query; none without a reseller. */
    @Transactional(readOnly = true)
    public ListPage<License> listOfReseller(UUID resellerId, LicenseFilter filter, Pageable pageable, String after) {
        if (resellerId == null) {
            return ListPage.empty(pageable);
        }
        return list(filter.ofReseller(resellerId), pageable, after);
    }

    /**
     * The page {@code pageable} names, or the one after the cursor {@code after}; the total is counted
     * up to a bound (decision 40).
     */
    @Transactional(readOnly = true)
    public ListPage<License> list(LicenseFilter filter, Pageable pageable, String after) {
        List<UUID> customersNamed = filter.hasQuery() ? customers.idsNamedLike(filter.q(), CUSTOMER_MATCH_LIMIT) : List.of();
        return lists.page(new ListQuery<>(License.class, "id", filter.toSpecification(today(), customersNamed),
                filter.key()), pageable, after);
    }

    /** How many customers a {@code q} search may match by name (a broader search should be refined). */
    private static final int CUSTOMER_MATCH_LIMIT = 500;

    /** The business's day (delms.business-time-zone): what days to expiry and "expiring within" count from. */
    public LocalDate today() {
        return businessTime.today(clock);
    }
}
