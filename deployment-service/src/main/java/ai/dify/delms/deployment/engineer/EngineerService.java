package ai.dify.delms.deployment.engineer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.DomainEvents;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.NotFoundException;

/** Creates and finds engineers; a new engineer is announced on {@code delms.deployments} in the same transaction. */
@Service
public class EngineerService {

    private final EngineerRepository engineers;
    private final DomainEvents events;
    private final Clock clock = Clock.systemUTC();

    EngineerService(EngineerRepository engineers, DomainEvents events) {
        this.engineers = engineers;
        this.events = events;
    }

    @Transactional
    public Engineer create(String name, String email, String region, List<String> skills, boolean active) {
        if (engineers.existsByEmail(Engineer.normalizeEmail(email))) {
            throw new ConflictException("An engineer with e-mail '" + email.trim() + "' already exists.");
        }
        // flushed here so a concurrent duplicate fails on the unique key before the event is stored
        Engineer engineer = engineers.saveAndFlush(new Engineer(name, email, region, skills, active, clock.instant()));
        events.publish(EngineerEvents.TOPIC, EngineerEvents.CREATED, engineer.getId().toString(),
                EngineerEvents.EngineerData.of(engineer));
        return engineer;
    }

    @Transactional(readOnly = true)
    public Engineer get(UUID id) {
        return engineers.findById(id).orElseThrow(() -> new NotFoundException("Engineer", id));
    }

    /** All engineers, or those whose name or e-mail contains {@code query} (ignoring case). */
    @Transactional(readOnly = true)
    public Page<Engineer> search(String query, Pageable pageable) {
        if (query == null || query.isBlank()) {
            return engineers.findAll(pageable);
        }
        String text = query.trim();
        return engineers.findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(text, text, pageable);
    }
}
