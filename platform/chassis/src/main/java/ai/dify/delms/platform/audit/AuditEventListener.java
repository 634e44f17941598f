package ai.dify.delms.platform.audit;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code audit_log} row for every entity inserted, updated or deleted while a request
 * with a token runs. The row goes through the session's own JDBC connection right after the
 * entity's statement, so it belongs to the same transaction: a rollback removes both. Plain JDBC
 * (not a Hibernate query) so nothing is flushed while Hibernate is flushing.
 */
final class AuditEventListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    static final String INSERT = "insert into audit_log (occurred_at, actor_subject, actor_username, actor_client_id, "
            + "action, entity_type, entity_id, changes, request_method, request_path, trace_id) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Supplier<Optional<AuditOrigin>> origins;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxValueLength;
    private final Map<String, AuditedEntity> entities = new ConcurrentHashMap<>();

    AuditEventListener(Supplier<Optional<AuditOrigin>> origins, JsonMapper json, Clock clock, int maxValueLength) {
        this.origins = origins;
        this.json = json;
        this.clock = clock;
        this.maxValueLength = maxValueLength;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getSession(), event.getPersister(), event.getId(), AuditAction.CREATE, null);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        AuditedEntity entity = entity(event.getPersister());
        if (!entity.audited()) {
            return;
        }
        record(event.getSession(), event.getPersister(), event.getId(), AuditAction.UPDATE,
                () -> entity.changes(event.getOldState(), event.getState(), event.getDirtyProperties(),
                        event.getSession()));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getSession(), event.getPersister(), event.getId(), AuditAction.DELETE, null);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private AuditedEntity entity(EntityPersister persister) {
        return entities.computeIfAbsent(persister.getEntityName(), name -> AuditedEntity.of(persister, maxValueLength));
    }

    private void record(SharedSessionContractImplementor session, EntityPersister persister, Object id,
            AuditAction action, Supplier<Map<String, Map<String, String>>> changes) {
        AuditedEntity entity = entity(persister);
        if (!entity.audited()) {
            return;
        }
        Optional<AuditOrigin> found = origins.get();
        if (found.isEmpty()) {
            return;
        }
        AuditOrigin origin = found.get();
        String changesJson = changes == null ? null : json.writeValueAsString(changes.get());
        LocalDateTime occurredAt = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                ZoneOffset.UTC);
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, occurredAt);
                insert.setString(2, AuditedEntity.cut(origin.subject(), 200));
                setNullable(insert, 3, AuditedEntity.cut(origin.username(), 200));
                setNullable(insert, 4, AuditedEntity.cut(origin.clientId(), 200));
                insert.setString(5, action.name());
                insert.setString(6, AuditedEntity.cut(entity.type(), 100));
                insert.setString(7, AuditedEntity.cut(entity.id(id), 200));
                setNullable(insert, 8, changesJson);
                setNullable(insert, 9, AuditedEntity.cut(origin.requestMethod(), 10));
                setNullable(insert, 10, AuditedEntity.cut(origin.requestPath(), 1000));
                setNullable(insert, 11, AuditedEntity.cut(origin.traceId(), 64));
                insert.executeUpdate();
            }
        });
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
