package ai.dify.delms.systemtests.chaos;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import ai.dify.delms.systemtests.support.SystemUnderTest;

/** Records in the dead-letter topics ({@code <topic>.dlt}), all partitions summed. */
final class DeadLetters {

    private DeadLetters() {
    }

    static long total() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrap());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(config)) {
            var topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(".dlt")).toList();
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> {
                        latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                        earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                    }));
            long end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
            long start = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
            return end - start;
        } catch (Exception e) {
            throw new IllegalStateException("could not count the dead letters", e);
        }
    }
}
