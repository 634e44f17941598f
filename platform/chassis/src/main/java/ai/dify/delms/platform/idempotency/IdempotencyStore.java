package ai.dify.delms.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code idempotency_key} table. A claim and a release commit on their own (a new transaction),
 * so a claim is visible to a concurrent duplicate before the request's own work starts; the response
 * is recorded in the request's own transaction ({@link #complete}), so it commits exactly when the
 * request's changes do (docs/decisions.md, 22). A claim still in progress after
 * {@code claimTimeout} was abandoned (its instance crashed, or it hangs): the next request with the
 * key takes it over, and the abandoned one can no longer record a response.
 */
public class IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration claimTimeout;

    public IdempotencyStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            Duration claimTimeout) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    /** The outcome of claiming a key for a request. */
    interface Claim {
    }

    /** The key was free (or its claim abandoned): this request runs, then {@link #complete} or {@link #release} it. */
    record Claimed(String token) implements Claim {
    }

    /** The key was used for a request with another method, path or body. */
    record OtherRequest() implements Claim {
    }

    /** The first request with this key is still running (claimed less than the claim timeout ago). */
    record StillRunning() implements Claim {
    }

    /** The first request succeeded: replay its response. */
    record Completed(StoredResponse response) implements Claim {
    }

    /** A response as stored for replay. */
    public record StoredResponse(int status, String location, String etag, String contentType, String body) {
    }

    Claim claim(String caller, String key, String requestHash) {
        String token = UUID.randomUUID().toString();
        try {
            transaction.executeWithoutResult(status -> jdbc.update(
                    "insert into idempotency_key (caller, idempotency_key, request_hash, state, created_at, claim_token) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    caller, key, requestHash, IN_PROGRESS, Timestamp.from(clock.instant()), token));
            return new Claimed(token);
        } catch (DuplicateKeyException taken) {
            return existing(caller, key, requestHash);
        }
    }

    private Claim existing(String caller, String key, String requestHash) {
        List<KeyRow> found = transaction.execute(status -> jdbc.query(
                "select request_hash, state, created_at, claim_token, response_status, response_location, "
                        + "response_etag, response_content_type, response_body from idempotency_key "
                        + "where caller = ? and idempotency_key = ?",
                (rs, row) -> new KeyRow(rs.getString("request_hash"), rs.getString("state"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("claim_token"),
                        new StoredResponse(rs.getInt("response_status"), rs.getString("response_location"),
                                rs.getString("response_etag"), rs.getString("response_content_type"),
                                rs.getString("response_body"))),
                caller, key));
        if (found == null || found.isEmpty()) {
            // released between our insert and this read: the retry may simply claim it again
            return claim(caller, key, requestHash);
        }
        KeyRow existing = found.get(0);
        if (IN_PROGRESS.equals(existing.state()) && existing.claimedAt().isBefore(clock.instant().minus(claimTimeout))) {
            return takeOver(caller, key, requestHash, existing.claimToken());
        }
        if (!existing.requestHash().equals(requestHash)) {
            return new OtherRequest();
        }
        return COMPLETED.equals(existing.state()) ? new Completed(existing.response()) : new StillRunning();
    }

    private record KeyRow(String requestHash, String state, Instant claimedAt, String claimToken,
            StoredResponse response) {
    }

    /**
     * Claims a key whose claim was abandoned, for this request (its hash included: the abandoned
     * request changed nothing, or the key would be completed). Loses to a concurrent taker, or to the
     * abandoned request completing after all; then the key is looked at again.
     */
    private Claim takeOver(String caller, String key, String requestHash, String abandonedToken) {
        String token = UUID.randomUUID().toString();
        int taken = transaction.execute(status -> jdbc.update(
                "update idempotency_key set claim_token = ?, request_hash = ?, created_at = ? "
                        + "where caller = ? and idempotency_key = ? and state = ? and claim_token <=> ?",
                token, requestHash, Timestamp.from(clock.instant()), caller, key, IN_PROGRESS, abandonedToken));
        return taken == 1 ? new Claimed(token) : existing(caller, key, requestHash);
    }

    /**
     * Records the request's response in the caller's transaction (the request's own): the key is
     * completed exactly when the request's changes commit, and not at all when they roll back.
     *
     * @throws ClaimLostException if the claim is no longer this request's (it expired and a retry took
     *                            it over): the caller must roll back, the retry's outcome stands
     */
    void complete(String caller, String key, String token, StoredResponse response) {
        int completed = jdbc.update(
                "update idempotency_key set state = ?, response_status = ?, response_location = ?, response_etag = ?, "
                        + "response_content_type = ?, response_body = ?, completed_at = ? "
                        + "where caller = ? and idempotency_key = ? and claim_token = ? and state = ?",
                COMPLETED, response.status(), response.location(), response.etag(), response.contentType(),
                response.body(), Timestamp.from(clock.instant()), caller, key, token, IN_PROGRESS);
        if (completed != 1) {
            throw new ClaimLostException(key);
        }
    }

    /** The request failed and changed nothing: forget this claim of the key, so a retry runs again. */
    void release(String caller, String key, String token) {
        transaction.executeWithoutResult(status -> jdbc.update(
                "delete from idempotency_key where caller = ? and idempotency_key = ? and state = ? and claim_token = ?",
                caller, key, IN_PROGRESS, token));
    }

    /** The claim of a request expired and another request with the key took it over. */
    static final class ClaimLostException extends RuntimeException {
        ClaimLostException(String key) {
            super("The claim of Idempotency-Key " + key + " expired and was taken over by a retry", null, false, false);
        }
    }

    /** Forgets keys older than {@code retention}; a later request with such a key runs anew. */
    public int deleteOlderThan(Duration retention) {
        Instant limit = clock.instant().minus(retention);
        return transaction.execute(status -> jdbc.update("delete from idempotency_key where created_at < ?",
                Timestamp.from(limit)));
    }
}
