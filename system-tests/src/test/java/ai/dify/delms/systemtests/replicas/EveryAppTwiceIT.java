package ai.dify.delms.systemtests.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.KafkaConsumerGroups;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.SystemTest;

/**
 * Every app runs as several instances, and they share the work: discovery lists each instance
 * (so the gateway and the services' calls balance over them), and the instances of a consuming
 * service form one Kafka consumer group whose partitions are spread over them.
 */
@SystemTest
@Order(10)
class EveryAppTwiceIT {

    /** Scaling up rebalances the groups and registers the instances within seconds; this is generous. */
    private static final Duration SETTLED = Duration.ofMinutes(2);

    /**
     * The first test of the suite: under ./delms test the instances are still starting while Maven
     * builds it (DELMS_REPLICAS_UP_TIMEOUT, 480 s, is the launcher's own bound for them).
     */
    @BeforeAll
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    static void everyInstanceIsReady() {
        Instances.awaitEveryInstanceReady(Duration.ofMinutes(8));
    }

    @Test
    void discoveryListsEveryInstanceOfEveryApp() {
        for (String app : apps()) {
            int port = app.equals("gateway") ? SystemUnderTest.gateway().getPort() : SystemUnderTest.service(app).getPort();
            List<Integer> expected = IntStream.rangeClosed(1, Instances.COUNT)
                    .mapToObj(k -> SystemUnderTest.instancePort(port, k)).toList();
            await(app + " registered " + Instances.COUNT + " times").atMost(SETTLED).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(Instances.registeredPorts(app)).as("ports of %s's instances UP in discovery", app)
                            .containsExactlyElementsOf(expected));
        }
    }

    @Test
    void everyConsumerGroupHasItsPartitionsSpreadOverTheInstances() {
        try (KafkaConsumerGroups groups = KafkaConsumerGroups.local()) {
            // the services' groups: the application's name (spring.kafka.consumer.group-id) or a
            // listener's own (alert-service's license-model, the sales directories), the same in every
            // instance; nothing else consumes while the suite runs
            List<String> live = groups.liveGroupIds();
            assertThat(live).as("consumer groups with members").hasSizeGreaterThanOrEqualTo(SystemUnderTest.services().size());
            for (String group : live) {
                await(group + "'s partitions spread over the instances").atMost(SETTLED).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            Map<String, List<Set<Integer>>> assignments = groups.assignments(group);
                            assertThat(assignments).as("topics consumer group %s reads", group).isNotEmpty();
                            Map<String, Integer> partitions = groups.partitionCounts(assignments.keySet());
                            assignments.forEach((topic, members) -> {
                                Set<Integer> held = new TreeSet<>();
                                members.forEach(held::addAll);
                                // one listener per topic and group in each instance: a member per instance holds some
                                assertThat(members).as("%s's members holding partitions of %s: %s", group, topic, members)
                                        .hasSize(Math.min(Instances.COUNT, partitions.get(topic)));
                                assertThat(held).as("partitions of %s held by %s", topic, group)
                                        .hasSize(partitions.get(topic));
                            });
                        });
            }
        }
    }

    private static List<String> apps() {
        List<String> apps = new java.util.ArrayList<>(SystemUnderTest.services());
        apps.add("gateway");
        return apps;
    }
}
