package ai.dify.delms.systemtests.support;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The running system's topics as an operator's admin client sees them: names, offsets, records held. */
public final class KafkaTopics implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    private KafkaTopics(String bootstrapServers, Duration timeout) {
        this.admin = admin(bootstrapServers, timeout);
        this.timeout = timeout;
    }

    /** The topics of the running system's broker (see {@link SystemUnderTest}). */
    public static KafkaTopics local() {
        return new KafkaTopics(SystemUnderTest.kafkaBootstrap(), Duration.ofSeconds(30));
    }

    /** An admin client of the system tests, for what this class does not cover. */
    static Admin admin(String bootstrapServers, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "delms-system-tests-admin");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        return Admin.create(config);
    }

    public List<String> names(Predicate<String> which) {
        return get(admin.listTopics().names()).stream().filter(which).sorted().toList();
    }

    /** The next offset of every partition of {@code topics}: what a consumer that read everything has seen. */
    public Map<TopicPartition, Long> ends(Collection<String> topics) {
        return offsets(topics, p -> OffsetSpec.latest());
    }

    /** Records the topics hold now (every partition's end minus its start), summed. */
    public long records(Collection<String> topics) {
        if (topics.isEmpty()) {
            return 0;
        }
        long end = ends(topics).values().stream().mapToLong(Long::longValue).sum();
        long start = offsets(topics, p -> OffsetSpec.earliest()).values().stream().mapToLong(Long::longValue).sum();
        return end - start;
    }

    /**
     * Deletes every record {@code topic} holds now (Kafka's delete-records, as a retention would).
     *
     * @return how many records were deleted
     */
    public long deleteEveryRecord(String topic) {
        long held = records(List.of(topic));
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        ends(List.of(topic)).forEach((partition, end) -> delete.put(partition, RecordsToDelete.beforeOffset(end)));
        get(admin.deleteRecords(delete).all());
        return held;
    }

    private Map<TopicPartition, Long> offsets(Collection<String> topics, Function<TopicPartition, OffsetSpec> spec) {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((name, description) ->
                description.partitions().forEach(p -> {
                    TopicPartition partition = new TopicPartition(name, p.partition());
                    wanted.put(partition, spec.apply(partition));
                }));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(wanted).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
