package ai.dify.delms.sales.licenseview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.inbound.AggregateNotKnownYetException;
import ai.dify.delms.platform.events.inbound.InboundEvent;
import ai.dify.delms.platform.events.inbound.MalformedEventException;
import ai.dify.delms.platform.reference.OwnedResource;
import ai.dify.delms.platform.reference.ReferenceLookup;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseCreated;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseSnapshot;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseUpdated;
import ai.dify.delms.sales.licenseview.internal.LicenseSaleRepository;

/**
 * The licenses as this service knows them: created from license-service's events (the creation or
 * a snapshot), their terms kept current by its updated events, its snapshots and the purchases
 * recorded here, and every expiry date a license has had (for the renewal rate). A license a
 * purchase names that is not known here yet is looked up at license-service (docs/decisions.md, 17).
 */
@Service
public class LicenseFeed {

    static final OwnedResource LICENSES = new OwnedResource("license-service", "license", "/api/v1/licenses/{id}");

    private static final Logger log = LoggerFactory.getLogger(LicenseFeed.class);

    private final LicenseSaleRepository sales;
    private final JdbcTemplate jdbc;
    private final ReferenceLookup owner;

    LicenseFeed(LicenseSaleRepository sales, JdbcTemplate jdbc, ReferenceLookup owner) {
        this.sales = sales;
        this.jdbc = jdbc;
        this.owner = owner;
    }

    /** Called once per event id by the idempotent consumer; a license already recorded stays as it is. */
    @Transactional
    public void licenseCreated(InboundEvent event, LicenseCreated license) {
        String licenseId = Optional.ofNullable(license.id()).orElse(event.subject());
        if (licenseId == null || license.customerId() == null || license.productType() == null) {
            throw new MalformedEventException("Event " + event.id() + " lacks the license id, customer or product type");
        }
        if (sales.existsById(licenseId)) {
            // a creation is the oldest event of a license: whatever is recorded already is as new or newer;
            // its expiry was one the license had all the same
            log.debug("License {} is already recorded", licenseId);
            recordExpiry(licenseId, license.expiryDate());
            return;
        }
        LicenseSale sale = new LicenseSale(licenseId, license.customerId(), license.salesRepId(),
                license.resellerId(), license.productType(),
                Optional.ofNullable(license.createdAt()).orElse(event.time()), license.version());
        sale.setTerms(license.licenseType(), license.expiryDate(), license.authorizedWorkspaces(),
                license.authorizedUsers());
        sales.save(sale);
        recordExpiry(licenseId, license.expiryDate());
    }

    /**
     * Takes the license's terms from an updated event, unless the feed shows a newer version of the
     * license already (the event is older: redelivered or reordered), so a late event cannot bring
     * back an earlier expiry or lower limits. An event from before events carried the license's state
     * (a replay of old records) applies its changed fields only while no such state was applied. An
     * update of a license not known yet waits for its creation: the chassis retries it for a while,
     * then dead-letters it for an operator to replay (decision 16).
     */
    @Transactional
    public void licenseUpdated(InboundEvent event, LicenseUpdated update) {
        String licenseId = Optional.ofNullable(update.licenseId()).orElse(event.subject());
        // locked: a purchase being recorded for this license changes the same row
        LicenseSale sale = sales.findForUpdate(licenseId == null ? "" : licenseId).orElseThrow(() ->
                new AggregateNotKnownYetException("License " + licenseId + " is not known yet: its update waits"));
        if (update.license() != null && update.version() != null) {
            if (sale.isBehind(update.version())) {
                sale.describe(update.license(), update.version());
            } else {
                log.debug("Ignoring event {}: license {} is at version {} already", event.id(), licenseId,
                        sale.getLicenseVersion());
            }
            // an expiry the event announces was one the license had, even if a newer one replaced it
            recordExpiry(licenseId, update.license().expiryDate());
            return;
        }
        if (update.changes() == null || sale.getLicenseVersion() != null) {
            return;
        }
        try {
            for (LicenseUpdated.Change change : update.changes()) {
                if (change.field() != null) {
                    sale.apply(change.field(), change.newValue());
                }
            }
        } catch (RuntimeException e) {
            throw new MalformedEventException("Event " + event.id() + " has a change this service cannot read", e);
        }
        recordExpiry(licenseId, sale.getExpiryDate());
    }

    /**
     * The license as it is now, re-published for read models being rebuilt (docs/decisions.md, 18):
     * a license not recorded yet is recorded with it; a recorded one takes its terms if the snapshot
     * is of a newer version (an older or equal one changes nothing), like an updated event.
     */
    @Transactional
    public void licenseSnapshot(InboundEvent event, LicenseSnapshot snapshot) {
        String licenseId = Optional.ofNullable(snapshot.licenseId()).orElse(event.subject());
        LicenseSnapshot.State state = snapshot.license();
        if (licenseId == null || snapshot.version() == null || state == null || state.customerId() == null
                || state.productType() == null) {
            throw new MalformedEventException("Event " + event.id()
                    + " lacks the license id, version, customer or product type");
        }
        // locked: a purchase being recorded for this license changes the same row
        Optional<LicenseSale> known = sales.findForUpdate(licenseId);
        if (known.isEmpty()) {
            LicenseSale sale = new LicenseSale(licenseId, state.customerId(), state.salesRepId(), state.resellerId(),
                    state.productType(), Optional.ofNullable(snapshot.createdAt()).orElse(event.time()), null);
            sale.describe(state.terms(), snapshot.version());
            sales.save(sale);
        } else if (known.get().isBehind(snapshot.version())) {
            known.get().describe(state.terms(), snapshot.version());
        } else {
            log.debug("Ignoring event {}: license {} is at version {} already", event.id(), licenseId,
                    known.get().getLicenseVersion());
        }
        recordExpiry(licenseId, state.expiryDate());
    }

    /**
     * What a purchase recorded here makes of its license, at once (license-service's update confirms
     * it later). Call it in the transaction that {@linkplain #lockForPurchase locked} the license.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void purchaseRecorded(String licenseId, LocalDate newExpiry, Integer workspaces, Integer users,
            String newProductType) {
        LicenseSale sale = sales.findForUpdate(licenseId).orElseThrow();
        sale.applyPurchase(newExpiry, workspaces, users, newProductType);
        recordExpiry(licenseId, sale.getExpiryDate());
    }

    /**
     * The license a purchase is about to be recorded for, locked until the caller's transaction ends:
     * a second purchase of the same license waits, and is then checked against the terms this one
     * leaves, never against the same stale terms. A license not known here yet (created a moment ago,
     * its event still on the way) is looked up at license-service and recorded at the version it
     * showed, so its events apply on top; empty when license-service says there is no such license.
     *
     * @throws ai.dify.delms.platform.problem.UnavailableException (503) when the license is not known
     *         here and license-service cannot say whether it exists
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LicenseSale> lockForPurchase(String licenseId) {
        // a plain read first: a locking read of a missing row would lock the gap other purchases insert into
        if (!sales.existsById(licenseId)) {
            Optional<LicenseCreated> atOwner = owner.find(LICENSES, licenseId, LicenseCreated.class);
            if (atOwner.isEmpty()) {
                return Optional.empty();
            }
            learn(licenseId, atOwner.get());
        }
        return sales.findForUpdate(licenseId);
    }

    @Transactional(readOnly = true)
    public Optional<LicenseSale> find(String licenseId) {
        return sales.findById(licenseId);
    }

    /**
     * Records a license as license-service showed it, unless its creation event (or a concurrent
     * purchase's lookup) recorded it in the meantime: that row stays.
     */
    private void learn(String licenseId, LicenseCreated license) {
        Instant createdAt = license.createdAt() == null ? Instant.now() : license.createdAt();
        jdbc.update("insert ignore into license_sale (license_id, customer_id, sales_rep_id, reseller_id, product_type, "
                + "created_at, license_type, expiry_date, authorized_workspaces, authorized_users, license_version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", licenseId, license.customerId().toString(),
                license.salesRepId() == null ? null : license.salesRepId().toString(), license.resellerId(),
                license.productType(), LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC), license.licenseType(),
                license.expiryDate(), license.authorizedWorkspaces(), license.authorizedUsers(), license.version());
        recordExpiry(licenseId, license.expiryDate());
    }

    private void recordExpiry(String licenseId, LocalDate expiry) {
        if (expiry != null) {
            jdbc.update("insert ignore into license_expiry (license_id, expiry_date) values (?, ?)", licenseId,
                    expiry);
        }
    }
}
