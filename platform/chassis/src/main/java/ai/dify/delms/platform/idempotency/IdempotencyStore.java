package ai.dify.delms.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code idempotency_key} table. Every operation commits on its own (a new transaction), so
 * a claim is visible to a concurrent duplicate before the request's own work starts.
 */
public class IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The outcome of claiming a key for a request. */
    interface Claim {
    }

    /** The key was free: this request runs, then {@link #complete} or {@link #release} it. */
    record Claimed() implements Claim {
    }

    /** The key was used for a request with another method, path or body. */
    record OtherRequest() implements Claim {
    }

    /** The first request with this key is still running. */
    record StillRunning() implements Claim {
    }

    /** The first request succeeded: replay its response. */
    record Completed(StoredResponse response) implements Claim {
    }

    /** A response as stored for replay. */
    public record StoredResponse(int status, String location, String etag, String contentType, String body) {
    }

    Claim claim(String caller, String key, String requestHash) {
        try {
            transaction.executeWithoutResult(status -> jdbc.update(
                    "insert into idempotency_key (caller, idempotency_key, request_hash, state, created_at) "
                            + "values (?, ?, ?, ?, ?)",
                    caller, key, requestHash, IN_PROGRESS, Timestamp.from(clock.instant())));
            return new Claimed();
        } catch (DuplicateKeyException taken) {
            return existing(caller, key, requestHash);
        }
    }

    private Claim existing(String caller, String key, String requestHash) {
        List<Claim> found = transaction.execute(status -> jdbc.query(
                "select request_hash, state, response_status, response_location, response_etag, "
                        + "response_content_type, response_body from idempotency_key "
                        + "where caller = ? and idempotency_key = ?",
                (rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        return new OtherRequest();
                    }
                    if (!COMPLETED.equals(rs.getString("state"))) {
                        return new StillRunning();
                    }
                    return new Completed(new StoredResponse(rs.getInt("response_status"),
                            rs.getString("response_location"), rs.getString("response_etag"),
                            rs.getString("response_content_type"), rs.getString("response_body")));
                }, caller, key));
        // released between our insert and this read: the retry may simply claim it again
        return found == null || found.isEmpty() ? claim(caller, key, requestHash) : found.get(0);
    }

    void complete(String caller, String key, StoredResponse response) {
        transaction.executeWithoutResult(status -> jdbc.update(
                "update idempotency_key set state = ?, response_status = ?, response_location = ?, response_etag = ?, "
                        + "response_content_type = ?, response_body = ?, completed_at = ? "
                        + "where caller = ? and idempotency_key = ?",
                COMPLETED, response.status(), response.location(), response.etag(), response.contentType(),
                response.body(), Timestamp.from(clock.instant()), caller, key));
    }

    /** The request failed: forget the key, so a retry runs again. */
    void release(String caller, String key) {
        transaction.executeWithoutResult(status -> jdbc.update(
                "delete from idempotency_key where caller = ? and idempotency_key = ? and state = ?",
                caller, key, IN_PROGRESS));
    }

    /** Forgets keys older than {@code retention}; a later request with such a key runs anew. */
    public int deleteOlderThan(Duration retention) {
        Instant limit = clock.instant().minus(retention);
        return transaction.execute(status -> jdbc.update("delete from idempotency_key where created_at < ?",
                Timestamp.from(limit)));
    }
}
