package ai.dify.delms.sales.salesrep;

import java.time.Clock;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.DomainEvents;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.NotFoundException;

/** Creates and finds sales reps; a new rep is announced on {@code delms.sales} in the same transaction. */
@Service
public class SalesRepService {

    private final SalesRepRepository reps;
    private final DomainEvents events;
    private final Clock clock = Clock.systemUTC();

    SalesRepService(SalesRepRepository reps, DomainEvents events) {
        this.reps = reps;
        this.events = events;
    }

    @Transactional
    public SalesRep create(String name, String email, String region, boolean active) {
        if (reps.existsByEmail(SalesRep.normalizeEmail(email))) {
            throw new ConflictException("A sales rep with e-mail '" + email.trim() + "' already exists.");
        }
        // flushed here so a concurrent duplicate fails on the unique key before the event is stored
        SalesRep rep = reps.saveAndFlush(new SalesRep(name, email, region, active, clock.instant()));
        events.publish(SalesRepEvents.TOPIC, SalesRepEvents.CREATED, rep.getId().toString(),
                SalesRepEvents.SalesRepData.of(rep));
        return rep;
    }

    @Transactional(readOnly = true)
    public SalesRep get(UUID id) {
        return reps.findById(id).orElseThrow(() -> new NotFoundException("Sales rep", id));
    }

    /** All reps, or those whose name or e-mail contains {@code query} (ignoring case). */
    @Transactional(readOnly = true)
    public Page<SalesRep> search(String query, Pageable pageable) {
        if (query == null || query.isBlank()) {
            return reps.findAll(pageable);
        }
        String text = query.trim();
        return reps.findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(text, text, pageable);
    }
}
