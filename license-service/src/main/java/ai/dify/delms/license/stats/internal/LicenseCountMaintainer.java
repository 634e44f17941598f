package ai.dify.delms.license.stats.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.license.License;

/**
 * Keeps the dashboard's counters ({@code license_count}, {@code license_expiry_count}) in step with
 * every write of a {@link License} through JPA, in the writing transaction (docs/decisions.md, 38).
 *
 * <p>The first time a transaction writes a license, its row is read as it is in the database (a locking
 * read: the latest committed state, not what the entity was loaded with, which may be older for the
 * usage columns that an edit does not lock); just before the commit, after the last flush, every
 * license it wrote is read again, and the counters move from the first state to the last. The rows
 * are locked by then, so no other writer can change them in between. Deltas of the whole transaction
 * are summed and written last, in key order: counter rows are locked for the shortest time and always
 * in the same order.
 */
@Component
class LicenseCountMaintainer implements PostInsertEventListener, PreUpdateEventListener, PreDeleteEventListener {

    private static final String READ_LOCKED = "select " + CountedLicense.COLUMNS + " from license where id in (%s) "
            + "for update";
    private static final int IDS_PER_READ = 500;

    /** The licenses each open transaction wrote, keyed by its session: their counted state before it. */
    private final Map<SharedSessionContractImplementor, Written> written = new ConcurrentHashMap<>();

    LicenseCountMaintainer(EntityManagerFactory entityManagerFactory) {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getEventListenerRegistry();
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.PRE_UPDATE, this);
        registry.appendListeners(EventType.PRE_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (event.getEntity() instanceof License license) {
            written(event.getSession()).before.putIfAbsent(license.getId().value(), Written.NOT_THERE);
        }
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        touch(event.getSession(), event.getEntity());
        return false;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        touch(event.getSession(), event.getEntity());
        return false;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void touch(SharedSessionContractImplementor session, Object entity) {
        if (!(entity instanceof License license)) {
            return;
        }
        Written licenses = written(session);
        String id = license.getId().value();
        if (!licenses.before.containsKey(id)) {
            session.doWork(connection -> licenses.before.put(id,
                    readLocked(connection, List.of(id)).getOrDefault(id, Written.NOT_THERE)));
        }
    }

    private Written written(SharedSessionContractImplementor session) {
        return written.computeIfAbsent(session, s -> {
            Written licenses = new Written();
            s.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) done -> {
                written.remove(done);
                done.doWork(licenses::count);
            });
            s.getTransactionCompletionCallbacks().registerCallback(
                    (AfterCompletionCallback) (success, done) -> written.remove(done));
            return licenses;
        });
    }

    private static Map<String, CountedLicense> readLocked(Connection connection, List<String> ids)
            throws SQLException {
        Map<String, CountedLicense> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
            String sql = READ_LOCKED.formatted(String.join(", ", Collections.nCopies(part.size(), "?")));
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    read.setString(i + 1, part.get(i));
                }
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        CountedLicense license = CountedLicense.read(rows);
                        found.put(license.id(), license);
                    }
                }
            }
        }
        return found;
    }

    /** The licenses one transaction wrote, with their state before its first write of each. */
    private static final class Written {

        /** Before an insert: not counted anywhere. */
        static final CountedLicense NOT_THERE = new CountedLicense(null, null, null, null, 0, 0, null);

        final Map<String, CountedLicense> before = new LinkedHashMap<>();

        void count(Connection connection) throws SQLException {
            if (before.isEmpty()) {
                return;
            }
            Map<String, CountedLicense> after = readLocked(connection, new ArrayList<>(before.keySet()));
            CountDeltas deltas = new CountDeltas();
            before.forEach((id, was) -> {
                if (was != NOT_THERE) {
                    deltas.count(was, -1);
                }
                CountedLicense is = after.get(id);
                if (is != null) {
                    deltas.count(is, 1);
                }
            });
            deltas.applyTo(connection);
        }
    }
}
