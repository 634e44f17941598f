package ai.dify.delms.sales.reseller;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.BadFieldException;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.sales.customerview.SalesReferences;
import ai.dify.delms.sales.reseller.internal.IssuedResellerCodes;
import ai.dify.delms.sales.reseller.internal.ResellerEvents;
import ai.dify.delms.sales.reseller.internal.ResellerFilter;
import ai.dify.delms.sales.reseller.internal.ResellerRepository;
import ai.dify.delms.sales.reseller.internal.ResellerRequest;

/** Reseller CRUD; every change is announced on {@code delms.sales} in the same transaction. */
@Service
public class ResellerService {

    private final ResellerRepository resellers;
    private final SalesReferences references;
    private final IssuedResellerCodes issuedCodes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResellerService(ResellerRepository resellers, SalesReferences references, IssuedResellerCodes issuedCodes,
            ApplicationEventPublisher events, Clock clock) {
        this.resellers = resellers;
        this.references = references;
        this.issuedCodes = issuedCodes;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Reseller create(ResellerRequest request) {
        if (request.code() == null) {
            throw new BadFieldException("code", "must not be null");
        }
        if (resellers.existsByCode(request.code())) {
            throw new ConflictException("A reseller with code '" + request.code() + "' already exists.");
        }
        if (issuedCodes.issued(request.code())) {
            throw new ConflictException("The code '" + request.code() + "' belonged to a deleted reseller; a code is "
                    + "never issued again, as partner tokens and other services know a reseller by it.");
        }
        Reseller reseller = resellers.saveAndFlush(new Reseller(request.code(), request.details(), now()));
        issuedCodes.issue(reseller.getCode(), reseller.getId(), reseller.getCreatedAt());
        events.publishEvent(ResellerEvents.ResellerCreated.of(reseller));
        return reseller;
    }

    /** Replaces the editable fields; the code cannot change (400); If-Match 412, stale version 409. */
    @Transactional
    public Reseller update(UUID id, ResellerRequest request, String ifMatch) {
        Reseller reseller = get(id);
        ETags.checkExpectedVersion("Reseller " + id, ifMatch, request.version(), reseller.getVersion());
        if (request.code() != null && !request.code().equals(reseller.getCode())) {
            throw new BadFieldException("code", "cannot be changed: it is the reseller_id of the partner's tokens");
        }
        if (reseller.update(request.details(), now())) {
            resellers.flush();
            events.publishEvent(ResellerEvents.ResellerUpdated.of(reseller));
        }
        return reseller;
    }

    /** Deletes a reseller nothing names; a referenced one is deactivated instead and returned. */
    @Transactional
    public Optional<Reseller> delete(UUID id) {
        Reseller reseller = get(id);
        if (references.ofReseller(id).any()) {
            if (reseller.deactivate(now())) {
                resellers.flush();
                events.publishEvent(ResellerEvents.ResellerUpdated.of(reseller));
            }
            return Optional.of(reseller);
        }
        resellers.delete(reseller);
        events.publishEvent(ResellerEvents.ResellerDeleted.of(reseller));
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public Reseller get(UUID id) {
        return resellers.findById(id).orElseThrow(() -> new NotFoundException("Reseller", id));
    }

    @Transactional(readOnly = true)
    public Optional<Reseller> find(UUID id) {
        return resellers.findById(id);
    }

    /** The resellers that match every filter given. */
    @Transactional(readOnly = true)
    public Page<Reseller> search(ResellerFilter filter, Pageable pageable) {
        return resellers.findAll(filter.toSpecification(), pageable);
    }

    private Instant now() {
        return clock.instant();
    }
}
