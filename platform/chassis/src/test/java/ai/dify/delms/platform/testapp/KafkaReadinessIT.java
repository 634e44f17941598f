package ai.dify.delms.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.kafka.TcpForwarder;
import ai.dify.delms.platform.test.kafka.TestKafkaBroker;

/**
 * Readiness waits for the Kafka consumers: while Kafka cannot be reached the service is alive but
 * not ready; once every consumer has been placed in its group it is ready, also when a consumer was
 * placed without a partition (more consumers than partitions).
 */
@DelmsServiceTest
class KafkaReadinessIT {

    /** The service's only way to Kafka: closed ("Kafka down") until the test opens it. */
    private static final TcpForwarder KAFKA = TcpForwarder.to(TestKafkaBroker.bootstrapServers());
    private static final String CROWDED_TOPIC = "chassis.readiness.crowded";
    private static final String CROWDED_LISTENER = "crowded";

    @DynamicPropertySource
    static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
        createTopic(CROWDED_TOPIC, 2);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::address);
        registry.add("spring.kafka.admin.auto-create", () -> "false");
    }

    /** Three consumers for two partitions: one of them is placed with none. */
    @TestConfiguration
    static class CrowdedListener {

        @Bean
        CrowdedTopicConsumer crowdedTopicConsumer() {
            return new CrowdedTopicConsumer();
        }
    }

    static class CrowdedTopicConsumer {

        @KafkaListener(id = CROWDED_LISTENER, topics = CROWDED_TOPIC, concurrency = "3",
                groupId = "${spring.kafka.consumer.group-id}-crowded")
        public void on(ConsumerRecord<String, String> record) {
            // placement is what the test is about, not records
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void closeForwarder() {
        KAFKA.close();
    }

    @Test
    void notReadyUntilEveryConsumerIsPlacedInItsGroup() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());

        KAFKA.open();

        Awaitility.await("ready once Kafka answers").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus() == 200);
        ConcurrentMessageListenerContainer<?, ?> crowded =
                (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(CROWDED_LISTENER);
        Map<String, Collection<org.apache.kafka.common.TopicPartition>> assignments = crowded.getAssignmentsByClientId();
        assertThat(assignments).as("the crowded listener's consumers").hasSize(3);
        assertThat(assignments.values()).as("a consumer placed without a partition").anyMatch(Collection::isEmpty);
    }

    private static void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
