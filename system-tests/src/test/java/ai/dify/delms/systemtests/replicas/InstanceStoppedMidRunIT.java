package ai.dify.delms.systemtests.replicas;

import static ai.dify.delms.systemtests.support.ServiceDatabase.placeholders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.chaos.LicenseTraffic;
import ai.dify.delms.systemtests.chaos.ReadModels;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.KafkaConsumerGroups;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.ServiceDatabase;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * An operator scales license-service down while renewals are sold: its second instance stops
 * gracefully in the middle of the stream of purchases it consumes. The other instance takes over
 * the partitions, and every renewal is applied exactly once (one change-log entry each) and reaches
 * every read model. Last of the suite: it leaves license-service-2 stopped (./delms scale all 2
 * starts it again).
 */
@SystemTest
@Order(90)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class InstanceStoppedMidRunIT {

    private static final int STREAM = 30;
    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final String STOPPED = SystemUnderTest.instanceName("license-service", 2);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(Gateway.takingTurns(SystemUnderTest.gatewayInstances()), tokens);
    private final ReadModels models = new ReadModels();

    @BeforeAll
    static void everyInstanceIsReady() {
        Instances.awaitEveryInstanceReady(Duration.ofMinutes(3));
    }

    @Test
    void stoppingALicenseServiceInstanceMidStreamLosesNoRenewal() {
        String customer = traffic.knownCustomer();
        List<Callable<String>> creations = IntStream.range(0, STREAM)
                .mapToObj(i -> (Callable<String>) () -> traffic.createLicense(customer)).toList();
        List<String> licenses = LicenseTraffic.inParallel(creations, 6);
        await("read models know the new licenses").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(licenses)));
        Map<String, LocalDate> expiry = new LinkedHashMap<>();
        models.owner(licenses).forEach((id, row) -> expiry.put(id, LocalDate.parse((String) row.get("expiry_date"))));

        CompletableFuture<Void> stop = null;
        for (int i = 0; i < STREAM; i++) {
            if (i == STREAM / 3) {
                // as ./delms scale license-service 1 does; the purchases go on meanwhile
                stop = CompletableFuture.runAsync(() -> Launcher.local().stop(STOPPED));
            }
            String id = licenses.get(i);
            traffic.renew(id, expiry.get(id), expiry.get(id).plusYears(1));
        }
        stop.join();

        await("every renewal applied, everywhere").atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> wrong = new ArrayList<>(models.differences(licenses));
            models.owner(licenses).forEach((id, row) -> {
                if (!expiry.get(id).plusYears(1).toString().equals(row.get("expiry_date"))) {
                    wrong.add(id + " not renewed: " + row.get("expiry_date"));
                }
            });
            ReadModels.assertAgree(wrong);
        });
        List<Map<String, Object>> renewals = ServiceDatabase.of("license").rows("select license_id, count(*) entries "
                + "from license_change where field = 'expiryDate' and license_id in (" + placeholders(licenses.size())
                + ") group by license_id", licenses.toArray());
        assertThat(renewals).hasSize(STREAM).allSatisfy(row -> assertThat(row.get("entries"))
                .as("expiry changes of %s", row.get("license_id")).isEqualTo("1"));

        try (KafkaConsumerGroups groups = KafkaConsumerGroups.local()) {
            await("the remaining instance holds every partition").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> groups.assignments("license-service").forEach((topic, members) ->
                            assertThat(members).as("members of license-service holding %s", topic).hasSize(1)
                                    .allSatisfy(held -> assertThat(held).hasSize(
                                            groups.partitionCounts(Set.of(topic)).get(topic)))));
        }
    }
}
