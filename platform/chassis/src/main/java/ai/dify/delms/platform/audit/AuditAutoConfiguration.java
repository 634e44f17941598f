package ai.dify.delms.platform.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of a service with JPA: Hibernate post-insert/update/delete listeners (registered
 * through an {@link Integrator} handed to Hibernate as it boots) write {@code audit_log} rows in
 * the writing transaction; {@link AuditTrail} reads them. {@code delms.audit.enabled=false}
 * switches it off; {@code delms.audit.endpoint.path} adds an admin-only read endpoint.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({EntityManagerFactory.class, HibernatePropertiesCustomizer.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "delms.audit.enabled", havingValue = "true", matchIfMissing = true)
public class AuditAutoConfiguration {

    @Bean
    HibernatePropertiesCustomizer auditListenersCustomizer(ObjectProvider<Tracer> tracers,
            ObjectProvider<JsonMapper> json, Clock clock, @Value("${delms.audit.max-value-length:200}") int maxValueLength) {
        AuditOrigin.Resolver origins = new AuditOrigin.Resolver(tracers);
        AuditEventListener listener = new AuditEventListener(origins::current,
                json.getIfAvailable(() -> JsonMapper.builder().build()), clock, maxValueLength);
        Integrator integrator = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                    SessionFactoryImplementor sessionFactory) {
                EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
                registry.appendListeners(EventType.POST_INSERT, listener);
                registry.appendListeners(EventType.POST_UPDATE, listener);
                registry.appendListeners(EventType.POST_DELETE, listener);
            }
        };
        return properties -> {
            // keep integrators someone else handed to Hibernate the same way
            Object existing = properties.get(EntityManagerFactoryBuilderImpl.INTEGRATOR_PROVIDER);
            properties.put(EntityManagerFactoryBuilderImpl.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> {
                List<Integrator> integrators = new ArrayList<>();
                if (existing instanceof IntegratorProvider provider) {
                    integrators.addAll(provider.getIntegrators());
                }
                integrators.add(integrator);
                return integrators;
            });
        };
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource, ObjectProvider<JsonMapper> json) {
        return new AuditTrail(new JdbcTemplate(dataSource), json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /** The opt-in read endpoint, admin only, its rule ahead of the service's own rules. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(name = "delms.audit.endpoint.path")
    static class AuditEndpointConfiguration {

        @Bean
        AuditLogController auditLogController(AuditTrail trail) {
            return new AuditLogController(trail);
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ServiceAccessRules auditLogAccessRules(@Value("${delms.audit.endpoint.path}") String path) {
            return rules -> rules.requestMatchers(HttpMethod.GET, path).hasRole(Roles.ADMIN);
        }
    }
}
