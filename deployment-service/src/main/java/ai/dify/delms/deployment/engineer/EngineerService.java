package ai.dify.delms.deployment.engineer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.deployment.engineer.internal.EngineerEdit;
import ai.dify.delms.deployment.engineer.internal.EngineerEvents;
import ai.dify.delms.deployment.engineer.internal.EngineerFilter;
import ai.dify.delms.deployment.engineer.internal.EngineerRepository;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.platform.security.Roles;

/** Creates, changes, removes and finds engineers; every change is announced on {@code delms.deployments} in the same transaction. */
@Service
public class EngineerService {


    private final EngineerRepository engineers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EngineerService(EngineerRepository engineers, ApplicationEventPublisher events, Clock clock) {
        this.engineers = engineers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Engineer create(String name, String email, String region, List<String> skills, boolean active) {
        if (engineers.existsByEmail(Engineer.normalizeEmail(email))) {
            throw new ConflictException("An engineer with e-mail '" + email.trim() + "' already exists.");
        }
        // flushed here so a concurrent duplicate fails on the unique key before the event is stored
        Engineer engineer = engineers.saveAndFlush(new Engineer(name, email, region, skills, active, now()));
        events.publishEvent(EngineerEvents.EngineerCreated.of(engineer));
        return engineer;
    }

    /**
     * Replaces the editable fields. {@code ifMatch} and {@code expectedVersion}, when given, must name
     * the current version (412 and 409); a change that changes nothing writes and publishes nothing.
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Engineer update(UUID id, EngineerEdit edit, Long expectedVersion, String ifMatch) {
        Engineer engineer = get(id);
        ETags.checkExpectedVersion("Engineer " + id, ifMatch, expectedVersion, engineer.getVersion());
        if (engineers.existsByEmailAndIdNot(Engineer.normalizeEmail(edit.email()), id)) {
            throw new ConflictException("An engineer with e-mail '" + edit.email().trim() + "' already exists.");
        }
        if (engineer.update(edit.name(), edit.email(), edit.region(), edit.skills(), edit.active(), now())) {
            engineers.saveAndFlush(engineer);
            events.publishEvent(EngineerEvents.EngineerUpdated.of(engineer));
        }
        return engineer;
    }

    /**
     * Deletes an engineer who never had a deployment; one who had is deactivated instead, so the
     * deployment history keeps its engineer.
     *
     * @return the deactivated engineer, or empty when deleted
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public Optional<Engineer> delete(UUID id, String ifMatch) {
        Engineer engineer = get(id);
        ETags.checkIfMatch(ifMatch, engineer.getVersion());
        if (engineers.countDeployments(id.toString()) > 0) {
            if (engineer.deactivate(now())) {
                engineers.saveAndFlush(engineer);
                events.publishEvent(EngineerEvents.EngineerUpdated.of(engineer));
            }
            return Optional.of(engineer);
        }
        engineers.delete(engineer);
        engineers.flush();
        events.publishEvent(EngineerEvents.EngineerDeleted.of(engineer));
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public Engineer get(UUID id) {
        return engineers.findById(id).orElseThrow(() -> new NotFoundException("Engineer", id));
    }

    @Transactional(readOnly = true)
    public Optional<Engineer> find(UUID id) {
        return engineers.findById(id);
    }

    /** The names of the given engineers, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        return engineers.findAllById(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(Engineer::getId, Engineer::getName));
    }

    private Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Page<Engineer> search(EngineerFilter filter, Pageable pageable) {
        return engineers.findAll(filter.toSpecification(), pageable);
    }
}
