package ai.dify.delms.platform.readiness;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Remembers, per listener container, whether each of its consumers has received its first partition
 * assignment from the group. Kafka calls {@code onPartitionsAssigned} after every rebalance, with an
 * empty collection for a consumer that got no partition (more consumers than partitions): that is an
 * assignment too, the group has placed the consumer. Wraps the rebalance listener a container
 * already has, if any.
 */
class ListenerAssignments implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final Map<MessageListenerContainer, Set<Consumer<?, ?>>> placedConsumers = new ConcurrentHashMap<>();

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        // consumers are replaced when a child container restarts: the old ones may go
        Set<Consumer<?, ?>> placed = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        placedConsumers.put(container, placed);
        Object existing = container.getContainerProperties().getConsumerRebalanceListener();
        container.getContainerProperties().setConsumerRebalanceListener(new Tracking(placed, existing));
    }

    /**
     * Whether every consumer of the container has been placed in its group at least once. A
     * container this class did not configure (made by another factory) is not tracked and counts as
     * placed.
     */
    boolean placed(MessageListenerContainer container) {
        Set<Consumer<?, ?>> placed = placedConsumers.get(container);
        if (placed == null) {
            return true;
        }
        int consumers = container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                ? Math.max(1, concurrent.getContainers().size())
                : 1;
        return placed.size() >= consumers;
    }

    /** Records the assignment, then lets the container's own rebalance listener (if any) do its part. */
    private record Tracking(Set<Consumer<?, ?>> placed, Object delegate) implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            placed.add(consumer);
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsAssigned(consumer, partitions);
            } else if (delegate instanceof ConsumerRebalanceListener plain) {
                plain.onPartitionsAssigned(partitions);
            }
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
            } else if (delegate instanceof ConsumerRebalanceListener plain) {
                plain.onPartitionsRevoked(partitions);
            }
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsRevokedAfterCommit(consumer, partitions);
            }
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsLost(consumer, partitions);
            } else if (delegate instanceof ConsumerRebalanceListener plain) {
                plain.onPartitionsLost(partitions);
            }
        }
    }
}
