package ai.dify.delms.platform.events.inbound;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.transaction.CannotCreateTransactionException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolationException;

/**
 * Why a consumed record failed, which decides how it is retried (decision 16). The one place that
 * tells a short outage from a record that can never be processed; handlers only throw.
 */
public enum ConsumerFailure {

    /**
     * The database (or the connection to it) is briefly unavailable: down, restarting, a lock wait
     * timeout, a deadlock. Retried with back-off until it works, or until the long give-up.
     */
    TRANSIENT("transient"),
    /** The aggregate the event depends on is not known yet ({@link AggregateNotKnownYetException}). */
    NOT_KNOWN_YET("not-known-yet"),
    /** The record can never be processed: unreadable, or a payload that fails validation. No retries. */
    POISON("poison"),
    /** Anything else, most likely a defect: a few quick retries, then the dead-letter topic. */
    UNEXPECTED("unexpected");

    /** The header a dead letter carries with the failure's {@link #label()}. */
    public static final String HEADER = "delms_dlt-failure";

    private static final int MAX_CAUSES = 32;
    private static final List<Class<? extends Throwable>> POISON_TYPES = poisonTypes();
    private static final List<Class<? extends Throwable>> TRANSIENT_TYPES = List.of(
            TransientDataAccessException.class, // lock wait timeout, deadlock, query timeout, optimistic lock
            RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, // incl. CannotGetJdbcConnectionException
            CannotCreateTransactionException.class, // no connection for a new transaction
            SQLTransientException.class, SQLRecoverableException.class,
            LockTimeoutException.class, PessimisticLockException.class, QueryTimeoutException.class);
    /** SQL state class 08: connection exception (what MariaDB's driver reports for a lost server). */
    private static final String CONNECTION_EXCEPTION_STATE = "08";

    private final String label;

    ConsumerFailure(String label) {
        this.label = label;
    }

    /** The failure's name in metrics and dead-letter headers. */
    public String label() {
        return label;
    }

    /** Classifies a failure by the exception and its causes; poison wins over everything else. */
    public static ConsumerFailure of(Throwable failure) {
        if (anyCause(failure, cause -> isAny(cause, POISON_TYPES))) {
            return POISON;
        }
        if (anyCause(failure, AggregateNotKnownYetException.class::isInstance)) {
            return NOT_KNOWN_YET;
        }
        if (anyCause(failure, cause -> isAny(cause, TRANSIENT_TYPES) || isConnectionException(cause))) {
            return TRANSIENT;
        }
        return UNEXPECTED;
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (test.test(cause)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isAny(Throwable cause, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(cause));
    }

    private static boolean isConnectionException(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_STATE);
    }

    private static List<Class<? extends Throwable>> poisonTypes() {
        // what Spring Kafka never retries (conversion, deserialization, ...) plus the chassis's own
        List<Class<? extends Throwable>> types = new ArrayList<>(ExceptionClassifier.defaultFatalExceptionsList());
        types.add(MalformedEventException.class);
        types.add(ConstraintViolationException.class);
        return List.copyOf(types);
    }
}
