package ai.dify.delms.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the service's audit log: who created, changed or deleted which entity, when, through which
 * request, and what changed.
 *
 * <pre>{@code
 * List<AuditEntry> trail = auditTrail.of("Customer", customerId);   // oldest first
 * }</pre>
 */
public class AuditTrail {

    /** The one property the audit log may be sorted by. */
    public static final String OCCURRED_AT = "occurredAt";

    private static final String COLUMNS = "select id, occurred_at, actor_subject, actor_username, actor_client_id, "
            + "action, entity_type, entity_id, changes, request_method, request_path, trace_id from audit_log ";
    private static final TypeReference<Map<String, Map<String, String>>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public AuditTrail(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every write to one entity, oldest first; {@code entityType} is the entity class's simple name. */
    public List<AuditEntry> of(String entityType, Object entityId) {
        return jdbc.query(COLUMNS + "where entity_type = ? and entity_id = ? order by occurred_at, id", this::entry,
                entityType, String.valueOf(entityId));
    }

    /**
     * A page of entries, newest first (oldest first when {@code pageable} sorts by {@value #OCCURRED_AT}
     * ascending), filtered by whichever of entity type, entity id and actor
     * (subject or username) is given.
     */
    public Page<AuditEntry> find(String entityType, String entityId, String actor, Pageable pageable) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (entityType != null && !entityType.isBlank()) {
            where.append(" and entity_type = ?");
            arguments.add(entityType);
        }
        if (entityId != null && !entityId.isBlank()) {
            where.append(" and entity_id = ?");
            arguments.add(entityId);
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and (actor_subject = ? or actor_username = ?)");
            arguments.add(actor);
            arguments.add(actor);
        }
        Long total = jdbc.queryForObject("select count(*) from audit_log " + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(pageable.getPageSize());
        paged.add(pageable.getOffset());
        Sort.Order order = pageable.getSort().getOrderFor(OCCURRED_AT);
        String direction = order != null && order.isAscending() ? "asc" : "desc";
        List<AuditEntry> content = jdbc.query(COLUMNS + where + " order by occurred_at " + direction + ", id "
                + direction + " limit ? offset ?",
                this::entry, paged.toArray());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    private AuditEntry entry(ResultSet row, int number) throws SQLException {
        return new AuditEntry(row.getLong("id"),
                row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                row.getString("actor_subject"), row.getString("actor_username"), row.getString("actor_client_id"),
                AuditAction.valueOf(row.getString("action")), row.getString("entity_type"),
                row.getString("entity_id"), changes(row.getString("changes")), row.getString("request_method"),
                row.getString("request_path"), row.getString("trace_id"));
    }

    private Map<String, AuditEntry.FieldChange> changes(String text) {
        Map<String, AuditEntry.FieldChange> changes = new LinkedHashMap<>();
        if (text != null) {
            json.readValue(text, CHANGES).forEach((field, change) ->
                    changes.put(field, new AuditEntry.FieldChange(change.get("old"), change.get("new"))));
        }
        return changes;
    }
}
