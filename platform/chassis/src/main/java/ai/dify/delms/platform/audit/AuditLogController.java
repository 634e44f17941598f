package ai.dify.delms.platform.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;

/**
 * {@code GET <delms.audit.endpoint.path>?entityType=&entityId=&actor=}: the service's audit log,
 * newest first unless {@code sort=occurredAt,asc} (the only sort), for admins only. Present only
 * when the property is set. The role is checked here as well as in the access rules, so a broader
 * rule of the service for the same path cannot open it.
 */
@RestController
@RequestMapping("${delms.audit.endpoint.path}")
class AuditLogController {

    private final AuditTrail trail;

    AuditLogController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @PreAuthorize("hasRole('admin')")
    PageResponse<AuditEntry> find(@RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
            @Sortable(AuditTrail.OCCURRED_AT) @PageableDefault(size = 50, sort = AuditTrail.OCCURRED_AT,
                    direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(trail.find(entityType, entityId, actor, pageable));
    }
}
