package ai.dify.delms.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * The contract topics and their dead-letter topics keep their records forever (docs/decisions.md,
 * 18): created so by the chassis, and corrected by it when they exist with the broker's default.
 */
@DelmsServiceTest
class TopicRetentionIT {

    private static final String SEVEN_DAYS_MS = "604800000";

    @Autowired
    TestKafka kafka;
    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void everyContractTopicAndItsDeadLetterTopicKeepsItsRecordsForever() throws Exception {
        List<String> topics = Arrays.stream(DelmsTopics.declarations()).map(NewTopic::name).toList();
        assertThat(topics).hasSize(DelmsTopics.ALL.size() * 2).contains("delms.licenses", "delms.licenses.dlt");

        try (Admin admin = admin()) {
            for (String topic : topics) {
                Config config = config(admin, topic);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic + " retention.ms").isEqualTo("-1");
                assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).as(topic + " retention.bytes")
                        .isEqualTo("-1");
            }
        }
    }

    @Test
    void aTopicLeftWithTheBrokersSevenDaysIsCorrectedWhenTheServiceStarts() throws Exception {
        String topic = DelmsTopics.LICENSES + DelmsTopics.DEAD_LETTER_SUFFIX;
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            // the broker applies a config change through its metadata log: wait until it reports it
            awaitRetention(admin, topic, SEVEN_DAYS_MS);

            // what the service's KafkaAdmin runs at start
            kafkaAdmin.initialize();

            awaitRetention(admin, topic, "-1");
        }
    }

    private static void awaitRetention(Admin admin, String topic, String retentionMs) {
        Awaitility.await(topic + " retention.ms = " + retentionMs).atMost(TestKafka.DEFAULT_TIMEOUT)
                .until(() -> retentionMs.equals(config(admin, topic).get(TopicConfig.RETENTION_MS_CONFIG).value()));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
