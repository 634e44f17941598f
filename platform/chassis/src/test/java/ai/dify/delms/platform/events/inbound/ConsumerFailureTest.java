package ai.dify.delms.platform.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import ai.dify.delms.platform.problem.NotFoundException;
import jakarta.validation.ConstraintViolationException;

class ConsumerFailureTest {

    @Test
    void theDatabaseBeingAwayIsTransient() {
        assertThat(ConsumerFailure.of(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("Connection is not available, request timed out"))))
                .isEqualTo(ConsumerFailure.TRANSIENT);
        assertThat(ConsumerFailure.of(new CannotGetJdbcConnectionException("no connection")))
                .isEqualTo(ConsumerFailure.TRANSIENT);
        assertThat(ConsumerFailure.of(new DataAccessResourceFailureException("connection reset")))
                .isEqualTo(ConsumerFailure.TRANSIENT);
        // MariaDB reports a lost server as a non-transient connection exception, SQL state class 08
        assertThat(ConsumerFailure.of(new JDBCConnectionException("could not execute statement",
                new SQLNonTransientConnectionException("Socket error", "08000"))))
                .isEqualTo(ConsumerFailure.TRANSIENT);
        assertThat(ConsumerFailure.of(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("timed out")))).isEqualTo(ConsumerFailure.TRANSIENT);
    }

    @Test
    void lockWaitTimeoutsDeadlocksAndQueryTimeoutsAreTransient() {
        assertThat(ConsumerFailure.of(new CannotAcquireLockException("Lock wait timeout exceeded")))
                .isEqualTo(ConsumerFailure.TRANSIENT);
        assertThat(ConsumerFailure.of(new PessimisticLockingFailureException("Deadlock found")))
                .isEqualTo(ConsumerFailure.TRANSIENT);
        assertThat(ConsumerFailure.of(new QueryTimeoutException("statement timed out")))
                .isEqualTo(ConsumerFailure.TRANSIENT);
    }

    @Test
    void anAggregateNotKnownYetIsItsOwnKind() {
        assertThat(ConsumerFailure.of(listenerFailed(new AggregateNotKnownYetException("License L-1 is unknown"))))
                .isEqualTo(ConsumerFailure.NOT_KNOWN_YET);
    }

    @Test
    void unreadableRecordsAndInvalidPayloadsArePoison() {
        assertThat(ConsumerFailure.of(listenerFailed(new MalformedEventException("not JSON"))))
                .isEqualTo(ConsumerFailure.POISON);
        assertThat(ConsumerFailure.of(new ConstraintViolationException("name must not be blank", Set.of())))
                .isEqualTo(ConsumerFailure.POISON);
        assertThat(ConsumerFailure.of(new ClassCastException("not a String"))).isEqualTo(ConsumerFailure.POISON);
    }

    @Test
    void poisonWinsOverATransientCause() {
        assertThat(ConsumerFailure.of(new MalformedEventException("unreadable",
                new SQLTransientConnectionException("timed out")))).isEqualTo(ConsumerFailure.POISON);
    }

    @Test
    void anythingElseIsUnexpected() {
        assertThat(ConsumerFailure.of(listenerFailed(new IllegalStateException("a defect"))))
                .isEqualTo(ConsumerFailure.UNEXPECTED);
        assertThat(ConsumerFailure.of(new NotFoundException("License", "L-1"))).isEqualTo(ConsumerFailure.UNEXPECTED);
        assertThat(ConsumerFailure.of(new DataIntegrityViolationException("duplicate",
                new SQLException("Duplicate entry", "23000")))).isEqualTo(ConsumerFailure.UNEXPECTED);
        assertThat(ConsumerFailure.of(null)).isEqualTo(ConsumerFailure.UNEXPECTED);
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(ConsumerFailure.of(first)).isEqualTo(ConsumerFailure.UNEXPECTED);
    }

    private static ListenerExecutionFailedException listenerFailed(Exception cause) {
        return new ListenerExecutionFailedException("Listener method threw exception", "test-group", cause);
    }
}
