package ai.dify.delms.platform.paging;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the paging parameter checks of {@link PageParametersInterceptor} and {@link ListQueries}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PagingProperties.class)
public class PagingAutoConfiguration {

    @Bean
    WebMvcConfigurer pageParametersWebMvcConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PageParametersInterceptor());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EntityManagerFactory.class)
    static class Jpa {

        @Bean
        ListQueries listQueries(EntityManagerFactory entityManagerFactory, PagingProperties properties) {
            return new ListQueries(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
                    properties);
        }
    }
}
