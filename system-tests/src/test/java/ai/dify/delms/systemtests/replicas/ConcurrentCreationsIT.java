package ai.dify.delms.systemtests.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import ai.dify.delms.systemtests.chaos.LicenseTraffic;
import ai.dify.delms.systemtests.chaos.ReadModels;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Licenses;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * Many people create licenses at once, their requests spread over every gateway instance and so over
 * every license-service instance: each gets its own License ID (the instances draw from one
 * sequence), and every license is readable through every gateway and known to every read model.
 */
@SystemTest
@Order(30)
class ConcurrentCreationsIT {

    private static final int LICENSES = 40;

    private final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateways = Gateway.takingTurns(SystemUnderTest.gatewayInstances());
    private final LicenseTraffic traffic = new LicenseTraffic(gateways, tokens);

    @BeforeAll
    static void everyInstanceIsReady() {
        Instances.awaitEveryInstanceReady(Duration.ofMinutes(3));
    }

    @Test
    void fortyConcurrentCreationsGetFortyLicenseIds() {
        String customer = traffic.knownCustomer();
        List<Callable<String>> creations = IntStream.range(0, LICENSES)
                .mapToObj(i -> (Callable<String>) () -> traffic.createLicense(customer)).toList();

        List<String> ids = LicenseTraffic.inParallel(creations, 8);

        assertThat(ids).hasSize(LICENSES).doesNotHaveDuplicates().allMatch(id -> id.matches(Licenses.ID_PATTERN));
        for (URI instance : SystemUnderTest.gatewayInstances()) {
            Gateway gateway = new Gateway(instance);
            for (String id : ids) {
                GatewayResponse read = gateway.get("/api/v1/licenses/" + id, tokens.bob());
                assertThat(read.status()).as("%s", read).isEqualTo(200);
                assertThat(read.json().path("id").asString()).isEqualTo(id);
            }
        }
        ReadModels models = new ReadModels();
        await("every read model knows the " + LICENSES + " licenses").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> ReadModels.assertAgree(models.differences(ids)));
    }
}
