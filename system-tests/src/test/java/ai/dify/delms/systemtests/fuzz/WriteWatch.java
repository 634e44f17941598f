package ai.dify.delms.systemtests.fuzz;

import ai.dify.delms.systemtests.support.ServiceDatabase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a request wrote anything, read in the service's own database (the API would show only
 * what the caller may see).
 * <p>
 * Every write a caller makes leaves a row in the service's {@code audit_log} in the same
 * transaction (docs/security.md, Audit); jobs and event consumers write none. So the newest audit
 * id after a request tells exactly whether that request committed a write, whatever status it got.
 * Around each batch, the row counts and a sample of rows of the tables callers write are compared
 * as well, for a write that somehow bypassed the audit.
 */
final class WriteWatch {

    /** Per service, the tables a caller's request writes (read models filled by events are left out). */
    private static final Map<String, List<String>> CALLER_TABLES = Map.of(
            "license", List.of("license", "usage_report", "idempotency_key"),
            "customer", List.of("customer", "idempotency_key"),
            "sales", List.of("sales_rep", "reseller", "purchase", "idempotency_key"),
            "deployment", List.of("engineer", "engineer_skill", "deployment", "deployment_history", "idempotency_key"),
            "alert", List.of("idempotency_key"));
    /** Rows the expiry job updates (a license's status; its change log gets a row then): counted, not sampled. */
    private static final List<String> COUNTED_ONLY = List.of("license");
    private static final int SAMPLE_ROWS = 25;

    private final Map<String, ServiceDatabase> databases = new LinkedHashMap<>();
    private final Map<String, Long> lastAuditId = new LinkedHashMap<>();

    WriteWatch() {
        CALLER_TABLES.keySet().forEach(name -> {
            databases.put(name, ServiceDatabase.of(name));
            lastAuditId.put(name, newestAuditId(name));
        });
    }

    /**
     * The audit rows written since the last call for this service: empty when the request wrote
     * nothing. A request's rows are in place once its answer is sent (same transaction).
     */
    List<Map<String, Object>> auditRowsSinceLastLook(String database) {
        long since = lastAuditId.get(database);
        List<Map<String, Object>> rows = databases.get(database).rows(
                "select id, action, entity_type, entity_id, request_method, request_path from audit_log where id > ? order by id", since);
        if (!rows.isEmpty()) {
            lastAuditId.put(database, Long.parseLong(String.valueOf(rows.get(rows.size() - 1).get("id"))));
        }
        return rows;
    }

    /** Row counts and a sample of rows of every table a caller writes in this service. */
    Snapshot snapshot(String database) {
        Map<String, Object> state = new LinkedHashMap<>();
        ServiceDatabase db = databases.get(database);
        for (String table : CALLER_TABLES.get(database)) {
            state.put(table + " rows", db.count("select count(*) from " + table));
            if (!COUNTED_ONLY.contains(table)) {
                state.put(table + " sample", db.rows("select * from " + table + " order by 1 desc limit " + SAMPLE_ROWS));
            }
        }
        return new Snapshot(database, state);
    }

    private long newestAuditId(String database) {
        return databases.get(database).count("select coalesce(max(id), 0) from audit_log");
    }

    record Snapshot(String database, Map<String, Object> state) {

        /** The differences to a later snapshot, one line per table that changed. */
        List<String> differencesTo(Snapshot later) {
            return state.keySet().stream()
                    .filter(key -> !Objects.equals(state.get(key), later.state().get(key)))
                    .map(key -> key.endsWith(" rows")
                            ? key + ": " + state.get(key) + " -> " + later.state().get(key)
                            : key + " changed")
                    .toList();
        }
    }
}
