package ai.dify.delms.systemtests.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * What the services' consumer groups have processed. Waiting on committed offsets turns "the
 * other service will eventually have read the event" into a precise point after which its
 * effect must be visible, without knowing the service's group names.
 */
public final class KafkaConsumerGroups implements AutoCloseable {

    private final Admin admin;

    private KafkaConsumerGroups(String bootstrapServers) {
        this.admin = KafkaTopics.admin(bootstrapServers, Duration.ofSeconds(10));
    }

    /** The consumer groups of the running system's broker (see {@link SystemUnderTest}). */
    public static KafkaConsumerGroups local() {
        return on(SystemUnderTest.kafkaBootstrap());
    }

    public static KafkaConsumerGroups on(String bootstrapServers) {
        return new KafkaConsumerGroups(bootstrapServers);
    }

    /**
     * Waits until {@code group} has committed, on every partition of {@code topic}, the end offset
     * the topic has now: it has processed everything written so far.
     */
    public void awaitCaughtUp(String group, String topic, Duration bound) {
        try {
            List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            get(admin.listOffsets(latest).all()).forEach((p, info) -> ends.put(p, info.offset()));
            await(group + " caught up on " + topic).atMost(bound).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
                        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of " + group + " on " + topic, e);
        }
    }

    /**
     * Waits until every live consumer group of {@code partition} (one with members that either
     * have the partition assigned or have committed offsets on it) has committed an offset beyond
     * {@code offset}, i.e. has processed that record.
     *
     * @return the groups that were waited for (empty when nobody consumes the partition)
     */
    public List<String> awaitProcessedByActiveGroups(TopicPartition partition, long offset, Duration bound) {
        // the last complete look, so a timeout mid-look still reports what was seen
        AtomicReference<Progress> last = new AtomicReference<>(new Progress(List.of(), Map.of()));
        try {
            await("consumers of " + partition + " past offset " + offset)
                    .atMost(bound)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        List<String> consumers = new ArrayList<>();
                        Map<String, Long> lagging = new TreeMap<>();
                        for (ConsumerGroupDescription group : liveGroups()) {
                            OffsetAndMetadata committed = committed(group.groupId()).get(partition);
                            if (committed == null && !isAssigned(group, partition)) {
                                continue;
                            }
                            consumers.add(group.groupId());
                            long next = committed == null ? -1 : committed.offset();
                            if (next <= offset) {
                                lagging.put(group.groupId(), next);
                            }
                        }
                        last.set(new Progress(consumers.stream().sorted().toList(), lagging));
                        return lagging.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("consumer groups still before offset " + offset + " of " + partition
                    + " after " + bound + " (group -> next offset to read, -1: none committed): " + last.get().lagging(), e);
        }
        return last.get().consumers();
    }

    /**
     * How a group's partitions are spread now: per topic, the partitions each member holds (members
     * holding none of the topic's are left out). Empty when the group has no members.
     */
    public Map<String, List<java.util.Set<Integer>>> assignments(String group) {
        try {
            ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
            Map<String, List<java.util.Set<Integer>>> byTopic = new TreeMap<>();
            description.members().forEach(member -> {
                Map<String, java.util.Set<Integer>> held = new TreeMap<>();
                member.assignment().topicPartitions().forEach(p ->
                        held.computeIfAbsent(p.topic(), t -> new java.util.TreeSet<>()).add(p.partition()));
                held.forEach((topic, partitions) -> byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(partitions));
            });
            return byTopic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe consumer group " + group, e);
        }
    }

    /** The number of partitions of each topic. */
    public Map<String, Integer> partitionCounts(java.util.Collection<String> topics) {
        try {
            Map<String, Integer> counts = new TreeMap<>();
            get(admin.describeTopics(topics).allTopicNames()).forEach((name, topic) -> counts.put(name, topic.partitions().size()));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe topics " + topics, e);
        }
    }

    private record Progress(List<String> consumers, Map<String, Long> lagging) {
    }

    /** The ids of the groups that have members now, sorted. */
    public List<String> liveGroupIds() {
        try {
            return liveGroups().stream().map(ConsumerGroupDescription::groupId).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not list the consumer groups", e);
        }
    }

    /** Groups with members: an empty group is a leftover (a stopped app, an old run), not a subscriber. */
    private List<ConsumerGroupDescription> liveGroups() throws Exception {
        List<String> groupIds = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .thenApply(groups -> groups.stream().map(GroupListing::groupId).toList()));
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return get(admin.describeConsumerGroups(groupIds).all()).values().stream()
                .filter(group -> !group.members().isEmpty())
                .toList();
    }

    private static boolean isAssigned(ConsumerGroupDescription group, TopicPartition partition) {
        return group.members().stream().anyMatch(member -> member.assignment().topicPartitions().contains(partition));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        return get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    }

    private static <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
