package ai.dify.delms.systemtests.replicas;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;

import ai.dify.delms.systemtests.lifecycle.LicenseLifecycleIT;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;

/**
 * The license's life of {@link LicenseLifecycleIT}, each request through the next gateway instance:
 * a step may land on any instance of the gateway and of the service behind it, and the next step,
 * elsewhere, sees its effect.
 */
@SystemTest
@Order(20)
class LifecycleThroughEveryGatewayIT extends LicenseLifecycleIT {

    @BeforeAll
    static void everyInstanceIsReady() {
        Instances.awaitEveryInstanceReady(Duration.ofMinutes(3));
    }

    @Override
    protected Gateway gateway() {
        return Gateway.takingTurns(SystemUnderTest.gatewayInstances());
    }
}
