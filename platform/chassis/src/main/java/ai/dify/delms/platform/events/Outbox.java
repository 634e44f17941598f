package ai.dify.delms.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code outbox_event} table: what {@link DomainEvents} appends in the business transaction and
 * what the {@link OutboxRelay} reads, in {@code seq} order, and deletes once Kafka has it.
 */
public class Outbox {

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an event; must run in the transaction of the change it describes. */
    void append(String topic, String key, String eventId, String envelope, Instant createdAt) {
        jdbc.update("insert into outbox_event (topic, record_key, event_id, envelope, created_at) values (?, ?, ?, ?, ?)",
                topic, key, eventId, envelope, Timestamp.from(createdAt));
    }

    /**
     * Claims the relay for the current transaction: true if no other instance holds it. The row
     * lock lasts until the transaction ends.
     */
    boolean claimRelay() {
        return !jdbc.queryForList("select name from outbox_relay_claim where name = 'relay' for update skip locked",
                String.class).isEmpty();
    }

    /** The oldest unsent events, in commit order per key. */
    List<Pending> oldest(int limit) {
        return jdbc.query("select seq, topic, record_key, envelope from outbox_event order by seq limit ?",
                (row, index) -> new Pending(row.getLong("seq"), row.getString("topic"), row.getString("record_key"),
                        row.getString("envelope")),
                limit);
    }

    void delete(Collection<Long> sent) {
        jdbc.batchUpdate("delete from outbox_event where seq = ?", sent.stream().map(seq -> new Object[] {seq}).toList());
    }

    /** Notes a failed send on the event its key stopped at, for an operator looking at the table. */
    void recordFailure(long seq, String error) {
        jdbc.update("update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?",
                error.length() > 500 ? error.substring(0, 500) : error, seq);
    }

    /** Events not sent yet. */
    long pending() {
        Long count = jdbc.queryForObject("select count(*) from outbox_event", Long.class);
        return count == null ? 0 : count;
    }

    /** When the oldest event not sent yet was stored (the lowest {@code seq}: read through the primary key). */
    Optional<Instant> oldestCreatedAt() {
        return jdbc.query("select created_at from outbox_event order by seq limit 1",
                (row, index) -> row.getTimestamp(1).toInstant()).stream().findFirst();
    }

    /** One stored event: where it goes and the CloudEvent JSON to send. */
    record Pending(long seq, String topic, String key, String envelope) {
    }
}
