package ai.dify.delms.gateway.routing;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.LinkedHashSet;
import java.util.Set;

/** The one Swagger UI at /api/v1/docs lists every routed service's OpenAPI document, in name order. */
class ApiDocsLinks implements SmartInitializingSingleton {

    private final RouteTable table;
    private final SwaggerUiConfigProperties swaggerUi;

    ApiDocsLinks(RouteTable table, SwaggerUiConfigProperties swaggerUi) {
        this.table = table;
        this.swaggerUi = swaggerUi;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        table.routes().keySet().stream().sorted()
                .forEach(service -> urls.add(new SwaggerUrl(service, ServiceRoutes.DOCS_PATH + service, service)));
        swaggerUi.setUrls(urls);
    }
}
