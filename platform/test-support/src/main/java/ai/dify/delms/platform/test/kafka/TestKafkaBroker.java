package ai.dify.delms.platform.test.kafka;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import ai.dify.delms.platform.test.FixtureShutdown;

/**
 * A real Kafka broker for service tests: spring-kafka-test's embedded KRaft broker, one per JVM on a
 * random loopback port, stopped at JVM exit. Topics are created on first use.
 */
public final class TestKafkaBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private TestKafkaBroker() {
    }

    /** Bootstrap servers of the JVM's broker, started on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
            FixtureShutdown.register(FixtureShutdown.Stage.KAFKA, "embedded Kafka broker", broker::destroy);
        }
        return broker.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("num.partitions", "3");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        return kafka;
    }
}
