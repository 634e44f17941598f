package ai.dify.delms.license.license;

import com.fasterxml.jackson.annotation.JsonIgnore;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What license-service publishes on {@value #TOPIC}, keyed by license id (docs/asyncapi.yaml).
 * Every event carries the license's {@code version} after the change and, except the creation
 * (which is the state itself), the whole license as it is then ({@code license}): a consumer keeps
 * the newest state it has seen and ignores an older event, so reordering cannot roll it back and no
 * change is lost with the event that was skipped.
 *
 * <p>Raised with Spring's {@code ApplicationEventPublisher} inside the transaction of the change: the
 * chassis stores them for Kafka, and the change log and the timeline record them, all in that
 * transaction (docs/decisions.md, 30). Components marked {@code @JsonIgnore} are for those in-process
 * listeners and are not part of the payload.
 */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";
    public static final String USAGE_REPORTED = "delms.license.usage-reported.v1";
    public static final String EXPIRED = "delms.license.expired.v1";
    public static final String SNAPSHOT = "delms.license.snapshot.v1";
    public static final String FILE_ISSUED = "delms.license.file-issued.v1";

    private LicenseEvents() {
    }

    /** A license event: topic, key and subject are the license's; the record knows its type. */
    public sealed interface LicenseEvent extends DomainEvent
            permits LicenseCreated, LicenseUpdated, LicenseStatusChanged, UsageReported, LicenseExpired, LicenseSnapshot,
            LicenseFileIssued {

        String licenseId();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return licenseId();
        }
    }

    /** The license as other services keep it: the API's fields without derived ones and notes. */
    public record LicenseState(String id, String productType, LicenseType licenseType, LicenseStatus status,
            UUID customerId, UUID salesRepId, UUID resellerId, LocalDate orderDate, LocalDate startDate,
            LocalDate expiryDate, int authorizedWorkspaces, int authorizedUsers) {

        static LicenseState of(License l) {
            return new LicenseState(l.getId().value(), l.getProductType(), l.getLicenseType(), l.getStatus(),
                    l.getCustomerId(), l.getSalesRepId(), l.getResellerId(), l.getOrderDate(), l.getStartDate(),
                    l.getExpiryDate(), l.getAuthorizedWorkspaces(), l.getAuthorizedUsers());
        }
    }

    /** The payload of {@code delms.license.created.v1}: the license as in the API, without derived fields. */
    public record LicenseCreated(String id, String productType, LicenseType licenseType, LicenseStatus status,
            UUID customerId, UUID salesRepId, UUID resellerId, LocalDate orderDate, LocalDate startDate,
            LocalDate expiryDate, int authorizedWorkspaces, int authorizedUsers, long version,
            @JsonIgnore String createdBy, @JsonIgnore ChangeOrigin origin) implements LicenseEvent {

        static LicenseCreated of(License l) {
            return new LicenseCreated(l.getId().value(), l.getProductType(), l.getLicenseType(), l.getStatus(),
                    l.getCustomerId(), l.getSalesRepId(), l.getResellerId(), l.getOrderDate(), l.getStartDate(),
                    l.getExpiryDate(), l.getAuthorizedWorkspaces(), l.getAuthorizedUsers(), l.getVersion(),
                    l.getCreatedBy(), new ChangeOrigin(l.getCreatedAt(), ChangeSource.API));
        }

        @Override
        public String licenseId() {
            return id;
        }

        @Override
        public String type() {
            return CREATED;
        }
    }

    /**
     * The payload of {@code delms.license.updated.v1}: the changed fields, the new version and state.
     * {@code reason} (the purchase that changed them; none for an edit) goes to the change log only.
     */
    public record LicenseUpdated(String licenseId, List<FieldChange> changes, String actor, long version,
            LicenseState license, @JsonIgnore String reason, @JsonIgnore ChangeOrigin origin) implements LicenseEvent {

        static LicenseUpdated of(License l, List<FieldChange> changes, String actor, String reason,
                ChangeOrigin origin) {
            return new LicenseUpdated(l.getId().value(), changes, actor, l.getVersion(), LicenseState.of(l), reason,
                    origin);
        }

        @Override
        public String type() {
            return UPDATED;
        }
    }

    /** The payload of {@code delms.license.status-changed.v1}. */
    public record LicenseStatusChanged(String licenseId, LicenseStatus from, LicenseStatus to, String reason,
            String actor, long version, LicenseState license, @JsonIgnore ChangeOrigin origin) implements LicenseEvent {

        static LicenseStatusChanged of(License l, LicenseStatus from, String reason, String actor, ChangeOrigin origin) {
            return new LicenseStatusChanged(l.getId().value(), from, l.getStatus(), reason, actor, l.getVersion(),
                    LicenseState.of(l), origin);
        }

        @Override
        public String type() {
            return STATUS_CHANGED;
        }
    }

    /**
     * The payload of {@code delms.license.usage-reported.v1}: one report with the limits it is judged
     * against. {@code overused} is the license's state after it (judged on the latest report, which a
     * late, older report does not replace); {@code latest} says whether this report is now the latest.
     * A report alone does not change the version (only a status change it causes does).
     * {@code applied} (what the report did: the usage it replaced, overuse before and after) is for the
     * change log and the timeline only.
     */
    public record UsageReported(String licenseId, int workspaces, int users, Instant reportedAt,
            int authorizedWorkspaces, int authorizedUsers, boolean overused, boolean latest, LicenseStatus status,
            UUID customerId, UUID resellerId, String reportedBy, long version, LicenseState license,
            @JsonIgnore UsageApplied applied, @JsonIgnore ChangeOrigin origin) implements LicenseEvent {

        static UsageReported of(License l, LatestUsage report, UsageApplied applied, String reportedBy,
                ChangeOrigin origin) {
            return new UsageReported(l.getId().value(), report.workspaces(), report.users(), report.reportedAt(),
                    l.getAuthorizedWorkspaces(), l.getAuthorizedUsers(), l.isOverused(), applied.becameLatest(),
                    l.getStatus(), l.getCustomerId(), l.getResellerId(), reportedBy, l.getVersion(), LicenseState.of(l),
                    applied, origin);
        }

        /** The report itself. */
        @JsonIgnore
        public LatestUsage report() {
            return new LatestUsage(workspaces, users, reportedAt);
        }

        @Override
        public String type() {
            return USAGE_REPORTED;
        }
    }

    /** The payload of {@code delms.license.expired.v1}. */
    public record LicenseExpired(String licenseId, LocalDate expiryDate, UUID customerId, UUID resellerId,
            long version, LicenseState license) implements LicenseEvent {

        static LicenseExpired of(License l) {
            return new LicenseExpired(l.getId().value(), l.getExpiryDate(), l.getCustomerId(), l.getResellerId(),
                    l.getVersion(), LicenseState.of(l));
        }

        @Override
        public String type() {
            return EXPIRED;
        }
    }

    /**
     * The payload of {@code delms.license.snapshot.v1}: the license as it is now, re-published on an
     * operator's request rather than because it changed (docs/decisions.md, 18), so that a subscriber
     * rebuilding its read model gets every license even when the topic lost older records. Besides the
     * state and version, the facts no later event repeats: when the license was created, since when it
     * has its status, and its latest usage report (null before any). {@code snapshotId} names the run,
     * so whoever asked for it can tell its events from those of earlier runs.
     */
    public record LicenseSnapshot(String licenseId, long version, LicenseState license, Instant createdAt,
            Instant statusChangedAt, Usage usage, UUID snapshotId) implements LicenseEvent {

        static LicenseSnapshot of(License l, Instant statusChangedAt, UUID snapshotId) {
            LatestUsage usage = l.getUsage();
            return new LicenseSnapshot(l.getId().value(), l.getVersion(), LicenseState.of(l), l.getCreatedAt(),
                    statusChangedAt, usage == null ? null : new Usage(usage.workspaces(), usage.users(),
                            usage.reportedAt()), snapshotId);
        }

        @Override
        public String type() {
            return SNAPSHOT;
        }
    }

    /**
     * The payload of {@code delms.license.file-issued.v1}: a signed license file was cut from the
     * license at {@code version} (the file's {@code licenseVersion}) and signed with key {@code keyId}.
     * A repeated download of the same file publishes nothing. Changes nothing of the license.
     */
    public record LicenseFileIssued(String licenseId, String fileSerial, String keyId, Instant issuedAt,
            String issuedBy, long version, LicenseState license) implements LicenseEvent {

        public static LicenseFileIssued of(License l, String fileSerial, String keyId, Instant issuedAt,
                String issuedBy) {
            return new LicenseFileIssued(l.getId().value(), fileSerial, keyId, issuedAt, issuedBy, l.getVersion(),
                    LicenseState.of(l));
        }

        @Override
        public String type() {
            return FILE_ISSUED;
        }
    }

    /** A usage report's figures, as in the API's {@code usage}. */
    public record Usage(int workspaces, int users, Instant reportedAt) {
    }
}
