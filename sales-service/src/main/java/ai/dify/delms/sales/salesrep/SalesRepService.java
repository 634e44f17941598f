package ai.dify.delms.sales.salesrep;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.sales.customerview.SalesReferences;
import ai.dify.delms.sales.salesrep.internal.SalesRepEvents;
import ai.dify.delms.sales.salesrep.internal.SalesRepFilter;
import ai.dify.delms.sales.salesrep.internal.SalesRepRepository;
import ai.dify.delms.sales.salesrep.internal.SalesRepRequest;

/** Sales rep CRUD; every change is announced on {@code delms.sales} in the same transaction. */
@Service
public class SalesRepService {

    private final SalesRepRepository reps;
    private final SalesReferences references;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesRepService(SalesRepRepository reps, SalesReferences references, ApplicationEventPublisher events, Clock clock) {
        this.reps = reps;
        this.references = references;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SalesRep create(String name, String email, String region, boolean active) {
        checkEmailFree(email, null);
        // flushed here so a concurrent duplicate fails on the unique key before the event is stored
        SalesRep rep = reps.saveAndFlush(new SalesRep(name, email, region, active, now()));
        events.publishEvent(SalesRepEvents.SalesRepCreated.of(rep));
        return rep;
    }

    /** Replaces the editable fields; If-Match (412) and the body's version (409) must be current. */
    @Transactional
    public SalesRep update(UUID id, SalesRepRequest request, String ifMatch) {
        SalesRep rep = get(id);
        ETags.checkExpectedVersion("Sales rep " + id, ifMatch, request.version(), rep.getVersion());
        checkEmailFree(request.email(), id);
        if (rep.update(request.name(), request.email(), request.region(), request.active(), now())) {
            reps.flush();
            events.publishEvent(SalesRepEvents.SalesRepUpdated.of(rep));
        }
        return rep;
    }

    /**
     * Deletes a rep nothing names; a rep named by purchases, licenses or customers is deactivated
     * instead and returned.
     */
    @Transactional
    public Optional<SalesRep> delete(UUID id) {
        SalesRep rep = get(id);
        if (references.ofSalesRep(id).any()) {
            if (rep.deactivate(now())) {
                reps.flush();
                events.publishEvent(SalesRepEvents.SalesRepUpdated.of(rep));
            }
            return Optional.of(rep);
        }
        reps.delete(rep);
        events.publishEvent(SalesRepEvents.SalesRepDeleted.of(rep));
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public SalesRep get(UUID id) {
        return reps.findById(id).orElseThrow(() -> new NotFoundException("Sales rep", id));
    }

    @Transactional(readOnly = true)
    public Optional<SalesRep> find(UUID id) {
        return reps.findById(id);
    }

    /** The reps that match every filter given. */
    @Transactional(readOnly = true)
    public Page<SalesRep> search(SalesRepFilter filter, Pageable pageable) {
        return reps.findAll(filter.toSpecification(), pageable);
    }

    private void checkEmailFree(String email, UUID self) {
        reps.findByEmail(SalesRep.normalizeEmail(email)).filter(other -> !other.getId().equals(self))
                .ifPresent(other -> {
                    throw new ConflictException("A sales rep with e-mail '" + email.trim() + "' already exists.");
                });
    }

    private Instant now() {
        return clock.instant();
    }
}
