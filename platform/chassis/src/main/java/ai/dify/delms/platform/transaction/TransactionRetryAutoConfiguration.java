package ai.dify.delms.platform.transaction;

import java.lang.reflect.Method;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Wraps every {@code @Transactional} method of the service in {@link LockContentionRetry}, outside
 * the transaction, so a lock wait timeout or a deadlock runs the whole transaction again instead of
 * answering 500 (docs/decisions.md, 21).
 */
@AutoConfiguration(after = TransactionAutoConfiguration.class)
public class TransactionRetryAutoConfiguration {

    /** Just outside the transaction interceptor (which has the lowest precedence). */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor lockContentionRetryAdvisor(ObjectProvider<MeterRegistry> meters) {
        TransactionAttributeSource transactional = new AnnotationTransactionAttributeSource(false);
        StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return transactional.getTransactionAttribute(method, targetClass) != null;
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, new LockContentionRetry(() ->
                Counter.builder(LockContentionRetry.RETRIES_METRIC)
                        .description("Transactions run again because they met rows locked by another one")
                        .register(meters.getIfAvailable(() -> Metrics.globalRegistry))));
        advisor.setOrder(ORDER);
        return advisor;
    }
}
