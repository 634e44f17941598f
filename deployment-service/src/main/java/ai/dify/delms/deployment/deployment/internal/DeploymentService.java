package ai.dify.delms.deployment.deployment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.deployment.deployment.internal.DeploymentEvents.DeploymentDeleted;
import ai.dify.delms.deployment.deployment.internal.DeploymentEvents.DeploymentScheduled;
import ai.dify.delms.deployment.deployment.internal.DeploymentEvents.DeploymentState;
import ai.dify.delms.deployment.deployment.internal.DeploymentEvents.DeploymentUpdated;
import ai.dify.delms.deployment.engineer.Engineer;
import ai.dify.delms.deployment.engineer.EngineerService;
import ai.dify.delms.deployment.licenseview.LicenseView;
import ai.dify.delms.deployment.licenseview.LicenseViews;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.problem.BadFieldException;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.problem.NotFoundException;

/**
 * Schedules, changes, moves and removes deployments. Each change, its history entry and its event
 * commit together; the database keeps at most one active deployment per license.
 */
@Service
public class DeploymentService {

    static final String ONE_ACTIVE_PER_LICENSE = "deployment_one_active_per_license";

    private final DeploymentRepository deployments;
    private final DeploymentHistoryRepository history;
    private final EngineerService engineers;
    private final LicenseViews licenses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeploymentService(DeploymentRepository deployments, DeploymentHistoryRepository history,
            EngineerService engineers, LicenseViews licenses, ApplicationEventPublisher events, Clock clock) {
        this.deployments = deployments;
        this.history = history;
        this.engineers = engineers;
        this.licenses = licenses;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Schedules a deployment of an existing, not terminated license by an active engineer (else 422;
     * 503 when the license is not known here yet and license-service cannot say whether it exists);
     * a license that already has an active deployment gets a 409.
     */
    @Transactional
    @PreAuthorize(Roles.ANY_STAFF)
    public Deployment schedule(String licenseId, DeploymentPlan plan, String actor) {
        String license = licenseId.trim();
        LicenseView view = licenses.resolve(license)
                .orElseThrow(() -> new InvalidFieldException("licenseId", "is not a known license"));
        if (!view.acceptsDeployments()) {
            throw new InvalidFieldException("licenseId", "is " + view.getStatus() + " and cannot be deployed");
        }
        Engineer engineer = assignable(plan.engineerId());
        deployments.findFirstByLicenseIdAndStatusIn(license, EnumSet.of(DeploymentStatus.SCHEDULED,
                DeploymentStatus.IN_PROGRESS)).ifPresent(active -> {
                    throw alreadyActive(license, active.getId());
                });
        Instant now = now();
        Deployment deployment;
        try {
            deployment = deployments.saveAndFlush(Deployment.schedule(license, plan, actor, now));
        } catch (DataIntegrityViolationException e) {
            // a concurrent request scheduled one first
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains(ONE_ACTIVE_PER_LICENSE)) {
                throw alreadyActive(license, null);
            }
            throw e;
        }
        history.save(new DeploymentHistoryEntry(deployment.getId(), null, DeploymentStatus.SCHEDULED, actor, now,
                plan.notes() == null ? null : abbreviate(plan.notes())));
        events.publishEvent(new DeploymentScheduled(DeploymentState.of(deployment, engineer.getName(), null, actor)));
        return deployment;
    }

    /**
     * Replaces the plan of a scheduled deployment. {@code ifMatch} and the body's version, when given,
     * must name the current version (412 and 409); a deployment past SCHEDULED is a 409.
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_ENGINEER)
    public Deployment update(UUID id, DeploymentUpdateRequest request, String ifMatch, String actor) {
        Deployment deployment = get(id);
        checkVersion(deployment, ifMatch, request.version());
        if (request.licenseId() != null && !request.licenseId().equals(deployment.getLicenseId())) {
            throw new BadFieldException("licenseId", "cannot be changed; schedule a new deployment instead");
        }
        DeploymentPlan plan = request.plan();
        Engineer engineer = plan.engineerId().equals(deployment.getEngineerId())
                ? engineers.find(plan.engineerId()).orElseThrow()
                : assignable(plan.engineerId());
        if (deployment.replan(plan, actor, now())) {
            deployments.saveAndFlush(deployment);
            events.publishEvent(new DeploymentUpdated(DeploymentState.of(deployment, engineer.getName(), null, actor)));
        }
        return deployment;
    }

    /**
     * Moves the deployment to {@code to} (see {@link DeploymentStatus}); a failure needs a reason
     * ({@link Deployment#moveTo}). A deployment of a license terminated meanwhile can still be cancelled
     * or failed, not started or completed ({@link DeploymentStatus#needsDeployableLicense()}).
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_ENGINEER)
    public Deployment transition(UUID id, DeploymentStatus to, String remark, String ifMatch, String actor) {
        Deployment deployment = get(id);
        checkVersion(deployment, ifMatch, null);
        if (to.needsDeployableLicense() && !licenses.acceptsDeployments(deployment.getLicenseId())) {
            String licenseStatus = licenses.find(deployment.getLicenseId()).map(LicenseView::getStatus).orElse("unknown");
            throw new ConflictException("License " + deployment.getLicenseId() + " is " + licenseStatus
                    + ": its deployment can only be cancelled or failed.",
                    Map.of("licenseStatus", licenseStatus, "currentStatus", deployment.getStatus()));
        }
        Instant now = now();
        DeploymentStatus from = deployment.moveTo(to, to == DeploymentStatus.FAILED ? remark : null, actor, now);
        deployments.saveAndFlush(deployment);
        history.save(new DeploymentHistoryEntry(id, from, to, actor, now, remark));
        String engineerName = engineers.find(deployment.getEngineerId()).map(Engineer::getName).orElse(null);
        events.publishEvent(DeploymentEvents.moved(DeploymentState.of(deployment, engineerName, remark, actor)));
        return deployment;
    }

    /** Removes a deployment and its history (admin); announced so read models can drop it. */
    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public void delete(UUID id, String ifMatch, String actor) {
        Deployment deployment = get(id);
        checkVersion(deployment, ifMatch, null);
        String engineerName = engineers.find(deployment.getEngineerId()).map(Engineer::getName).orElse(null);
        history.deleteAll(history.findByDeploymentIdOrderByAtAscIdAsc(id));
        deployments.delete(deployment);
        deployments.flush();
        events.publishEvent(new DeploymentDeleted(DeploymentState.of(deployment, engineerName, null, actor)));
    }

    @Transactional(readOnly = true)
    public Deployment get(UUID id) {
        return deployments.findById(id).orElseThrow(() -> new NotFoundException("Deployment", id));
    }

    @Transactional(readOnly = true)
    public Page<Deployment> list(DeploymentFilter filter, Pageable pageable) {
        return deployments.findAll(filter.toSpecification(), pageable);
    }

    /** The status moves of a deployment, oldest first. */
    @Transactional(readOnly = true)
    public List<DeploymentHistoryEntry> history(UUID id) {
        get(id);
        return history.findByDeploymentIdOrderByAtAscIdAsc(id);
    }

    /** The names of the engineers of some deployments, for showing them. */
    public Map<UUID, String> engineerNames(List<Deployment> some) {
        return engineers.namesOf(some.stream().map(Deployment::getEngineerId).toList());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Engineer assignable(UUID engineerId) {
        Engineer engineer = engineers.find(engineerId)
                .orElseThrow(() -> new InvalidFieldException("engineerId", "is not a known engineer"));
        if (!engineer.isActive()) {
            throw new InvalidFieldException("engineerId", "is not an active engineer");
        }
        return engineer;
    }

    private static void checkVersion(Deployment deployment, String ifMatch, Long expectedVersion) {
        ETags.checkExpectedVersion("Deployment " + deployment.getId(), ifMatch, expectedVersion, deployment.getVersion());
    }

    private static ConflictException alreadyActive(String licenseId, UUID activeId) {
        String detail = "License " + licenseId + " already has an active (scheduled or in progress) deployment"
                + (activeId == null ? "" : " " + activeId) + "; complete, fail or cancel it first.";
        return new ConflictException(detail, activeId == null ? Map.of() : Map.of("activeDeploymentId", activeId));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private Instant now() {
        return clock.instant();
    }
}
