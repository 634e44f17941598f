package ai.dify.delms.platform.transaction;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.PessimisticLockingFailureException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Tells a transaction that failed only because another one held the rows it needed (MariaDB's
 * {@code Lock wait timeout exceeded}, {@code Deadlock found}) from every other failure: it is worth
 * running again, and nothing about the request was wrong.
 */
public final class LockContention {

    /** Attempts of one transaction, the first included, before the caller is answered 503. */
    public static final int MAX_ATTEMPTS = 3;

    /** MariaDB and MySQL: ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK. */
    private static final Set<Integer> LOCK_ERROR_CODES = Set.of(1205, 1213);
    /** SQL state of a serialization failure, which a deadlock victim is. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int MAX_CAUSES = 32;

    private LockContention() {
    }

    /** Whether {@code failure} or one of its causes is a lock wait timeout or a deadlock. */
    public static boolean isCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (isLockFailure(cause)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isLockFailure(Throwable cause) {
        return cause instanceof PessimisticLockingFailureException // incl. CannotAcquireLock, DeadlockLoser
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                || cause instanceof SQLException sql && (LOCK_ERROR_CODES.contains(sql.getErrorCode())
                        || SERIALIZATION_FAILURE.equals(sql.getSQLState()));
    }
}
