package ai.dify.delms.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of five healthy stand-in services, one per service id. */
abstract class LiveServicesTestSupport extends GatewayTestSupport {

    static final StandInService licenses = StandInService.start("license-service");
    static final StandInService customers = StandInService.start("customer-service");
    static final StandInService sales = StandInService.start("sales-service");
    static final StandInService deployments = StandInService.start("deployment-service");
    static final StandInService alerts = StandInService.start("alert-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (StandInService service : new StandInService[] {licenses, customers, sales, deployments, alerts}) {
            instance(registry, service.name(), 0, service.uri());
        }
    }
}
