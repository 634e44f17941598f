package ai.dify.delms.gateway.routing;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routes to the services and the API docs' list, both from {@code delms.routes}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteTable.class)
class RoutingConfiguration {

    @Bean
    ServiceRoutes serviceRoutes(RouteTable table) {
        return new ServiceRoutes(table);
    }

    @Bean
    ApiDocsLinks apiDocsLinks(RouteTable table, SwaggerUiConfigProperties swaggerUi) {
        return new ApiDocsLinks(table, swaggerUi);
    }
}
