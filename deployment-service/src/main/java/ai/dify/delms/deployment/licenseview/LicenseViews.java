package ai.dify.delms.deployment.licenseview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.deployment.licenseview.internal.LicenseViewRepository;
import ai.dify.delms.platform.events.inbound.InboundEvent;
import ai.dify.delms.platform.events.inbound.MalformedEventException;
import ai.dify.delms.platform.reference.OwnedResource;
import ai.dify.delms.platform.reference.ReferenceLookup;

/**
 * Keeps {@link LicenseView}s up to date from license events (each handled once by the idempotent
 * consumer; an event older than the view, by the license's version, changes nothing) and answers
 * whether a license accepts deployments. A license a request names that is not known here yet is
 * looked up at license-service (docs/decisions.md, 17).
 */
@Service
public class LicenseViews {

    static final String CREATED_STATUS = "CREATED";
    static final String EXPIRED_STATUS = "EXPIRED";
    static final String ORDER_DATE = "orderDate";
    static final OwnedResource LICENSES = new OwnedResource("license-service", "license", "/api/v1/licenses/{id}");

    private final LicenseViewRepository views;
    private final ReferenceLookup owner;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LicenseViews(LicenseViewRepository views, ReferenceLookup owner, JdbcTemplate jdbc, Clock clock) {
        this.views = views;
        this.owner = owner;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void licenseCreated(InboundEvent event, LicenseEvents.LicenseCreated license) {
        String licenseId = required(Optional.ofNullable(license.id()).orElse(event.subject()), event, "license id");
        Instant createdAt = Optional.ofNullable(license.createdAt()).orElse(event.time());
        String status = Optional.ofNullable(license.status()).orElse(CREATED_STATUS);
        Optional<LicenseView> known = views.findById(licenseId);
        if (known.isPresent()) {
            // a later event got here first: its state is newer than the one at creation
            LicenseView view = known.get();
            view.learnCreatedAt(createdAt);
            if (license.version() != null) {
                if (view.isBehind(license.version())) {
                    view.describe(status, license.orderDate(), license.version(), clock.instant());
                }
            } else if (view.takesUnversioned() && view.getOrderDate() == null && license.orderDate() != null) {
                view.changeOrderDate(license.orderDate(), clock.instant());
            }
            return;
        }
        LicenseView view = new LicenseView(licenseId, status, createdAt, clock.instant());
        if (license.version() != null) {
            view.describe(status, license.orderDate(), license.version(), clock.instant());
        } else if (license.orderDate() != null) {
            view.changeOrderDate(license.orderDate(), clock.instant());
        }
        views.save(view);
    }

    @Transactional
    public void statusChanged(InboundEvent event, LicenseEvents.StatusChanged change) {
        String licenseId = required(Optional.ofNullable(change.licenseId()).orElse(event.subject()), event, "license id");
        String to = required(change.to(), event, "new status");
        apply(licenseId, change.version(), change.license(), event, view -> view.changeStatus(to, clock.instant()),
                () -> new LicenseView(licenseId, to, null, clock.instant()));
    }

    /**
     * Follows the license's state (status and order date) from an update; other changed fields do
     * not concern deployments. An update of a license not seen yet makes its view, as a status change
     * does: the state is all the view needs, and the creation adds {@code createdAt} when it comes.
     */
    @Transactional
    public void updated(InboundEvent event, LicenseEvents.LicenseUpdated update) {
        String licenseId = required(Optional.ofNullable(update.licenseId()).orElse(event.subject()), event, "license id");
        if (update.version() != null && update.license() != null) {
            String status = required(update.license().status(), event, "license status");
            apply(licenseId, update.version(), update.license(), event, view -> { },
                    () -> new LicenseView(licenseId, status, null, clock.instant()));
            return;
        }
        if (update.changes() == null) {
            return;
        }
        update.changes().stream().filter(change -> ORDER_DATE.equals(change.field())).reduce((a, b) -> b)
                .ifPresent(change -> views.findById(licenseId).filter(LicenseView::takesUnversioned)
                        .ifPresent(view -> view.changeOrderDate(orderDate(change.newValue(), event), clock.instant())));
    }

    @Transactional
    public void expired(InboundEvent event, LicenseEvents.Expired expired) {
        String licenseId = required(Optional.ofNullable(expired.licenseId()).orElse(event.subject()), event, "license id");
        apply(licenseId, expired.version(), expired.license(), event,
                view -> view.changeStatus(EXPIRED_STATUS, clock.instant()),
                () -> new LicenseView(licenseId, EXPIRED_STATUS, null, clock.instant()));
    }

    /**
     * A license as it is now, re-published for read models being rebuilt (docs/decisions.md, 18): a
     * license not known yet becomes known with it; a known one takes its state if it is newer
     * (an older or equal version changes nothing) and learns its creation time if it lacked it.
     */
    @Transactional
    public void snapshot(InboundEvent event, LicenseEvents.Snapshot snapshot) {
        String licenseId = required(Optional.ofNullable(snapshot.licenseId()).orElse(event.subject()), event, "license id");
        if (snapshot.version() == null || snapshot.license() == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                    + " has no version or license state");
        }
        String status = required(snapshot.license().status(), event, "license status");
        Instant now = clock.instant();
        Optional<LicenseView> known = views.findById(licenseId);
        if (known.isEmpty()) {
            LicenseView view = new LicenseView(licenseId, status, snapshot.createdAt(), now);
            view.describe(status, snapshot.license().orderDate(), snapshot.version(), now);
            views.save(view);
            return;
        }
        LicenseView view = known.get();
        view.learnCreatedAt(snapshot.createdAt());
        if (view.isBehind(snapshot.version())) {
            view.describe(status, snapshot.license().orderDate(), snapshot.version(), now);
        }
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

    /**
     * The license a request names: as known here, or, not known here yet (created a moment ago, its
     * event still on the way), as license-service has it; it is known here from then on, at the version
     * license-service showed, so its events apply on top. Empty when license-service says there is no
     * such license.
     *
     * @throws ai.dify.delms.platform.problem.UnavailableException (503) when the license is not known
     *         here and license-service cannot say whether it exists
     */
    @Transactional
    public Optional<LicenseView> resolve(String licenseId) {
        Optional<LicenseView> known = views.findById(licenseId);
        if (known.isPresent()) {
            return known;
        }
        return owner.find(LICENSES, licenseId, OwnerLicense.class).flatMap(found -> learn(licenseId, found));
    }

    /** When each of the given licenses was created, where known. */
    @Transactional(readOnly = true)
    public Map<String, Instant> createdAtOf(Collection<String> licenseIds) {
        return views.findAllById(licenseIds).stream().filter(v -> v.getCreatedAt() != null)
                .collect(Collectors.toMap(LicenseView::getLicenseId, LicenseView::getCreatedAt));
    }

    /**
     * Applies a license event to its view: the license's state if the event carries it and is newer
     * than the view (an older one changes nothing); an event without version and state (published
     * before events carried them) by {@code unversioned}, and only while the view has seen no version.
     * The creation event may be missing (e.g. dead-lettered): the view is still made, without createdAt.
     */
    private void apply(String licenseId, Long version, LicenseEvents.State state, InboundEvent event,
            Consumer<LicenseView> unversioned, Supplier<LicenseView> unknown) {
        Instant now = clock.instant();
        boolean versioned = version != null && state != null;
        Optional<LicenseView> known = views.findById(licenseId);
        if (known.isEmpty()) {
            LicenseView view = unknown.get();
            if (versioned) {
                view.describe(required(state.status(), event, "license status"), state.orderDate(), version, now);
            }
            views.save(view);
        } else if (versioned && known.get().isBehind(version)) {
            known.get().describe(required(state.status(), event, "license status"), state.orderDate(), version, now);
        } else if (!versioned && known.get().takesUnversioned()) {
            unversioned.accept(known.get());
        }
    }

    /**
     * Records the license as license-service showed it, unless one of its events got here in the
     * meantime: then that row stays, read as committed (this transaction's snapshot predates it).
     */
    private Optional<LicenseView> learn(String licenseId, OwnerLicense license) {
        jdbc.update("insert ignore into license_view (license_id, status, created_at, order_date, version, updated_at) "
                + "values (?, ?, ?, ?, ?, ?)", licenseId, license.status(), utc(license.createdAt()),
                license.orderDate(), license.version(), utc(clock.instant()));
        return views.findLatest(licenseId);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The part of license-service's license this view keeps. */
    record OwnerLicense(String status, Instant createdAt, LocalDate orderDate, long version) {
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
