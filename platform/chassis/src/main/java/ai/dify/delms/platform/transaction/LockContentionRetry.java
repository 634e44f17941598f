package ai.dify.delms.platform.transaction;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;

/**
 * Runs a {@code @Transactional} method again, as a new transaction, when it failed on locked rows
 * ({@link LockContention}), up to {@link LockContention#MAX_ATTEMPTS} attempts with a short random
 * pause between them; the last failure goes to the caller (503 with Retry-After). Only the
 * outermost transactional method retries: a method that joins a transaction already running cannot
 * undo it, so its failure travels up to the method that started the transaction.
 */
public class LockContentionRetry implements MethodInterceptor {

    public static final int MAX_ATTEMPTS = LockContention.MAX_ATTEMPTS;
    /** Counter of transactions run again after they met locked rows. */
    public static final String RETRIES_METRIC = "delms.transaction.lock.retries";

    private static final Logger log = LoggerFactory.getLogger(LockContentionRetry.class);
    private static final long PAUSE_MILLIS = 50;

    private final Supplier<Counter> retries;

    public LockContentionRetry(Supplier<Counter> retries) {
        this.retries = retries;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return proxied.invocableClone().proceed();
            } catch (Throwable failure) {
                if (attempt >= MAX_ATTEMPTS || !LockContention.isCause(failure)) {
                    throw failure;
                }
                log.info("{} met locked rows (attempt {} of {}), running it again: {}",
                        invocation.getMethod().toGenericString(), attempt, MAX_ATTEMPTS, failure.getMessage());
                retries.get().increment();
                // a random pause, so that two deadlocked transactions do not meet again at once
                Thread.sleep(ThreadLocalRandom.current().nextLong(PAUSE_MILLIS, 2 * PAUSE_MILLIS) * attempt);
            }
        }
    }
}
