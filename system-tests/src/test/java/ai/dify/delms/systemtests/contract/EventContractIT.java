package ai.dify.delms.systemtests.contract;

import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services really published matches the event contract: after the other system tests have
 * made every kind of change, every record on the five topics is checked against
 * {@code docs/asyncapi.yaml} (envelope, type allowed on the topic, record key, data schema).
 */
@SystemTest
@Order(900)
class EventContractIT {

    private static final Logger log = LoggerFactory.getLogger(EventContractIT.class);
    /** Per topic; a local stack holds a few thousand records at most. */
    private static final Duration READ_BOUND = Duration.ofSeconds(60);
    private static final int SHOWN_VIOLATIONS = 40;

    @Test
    void everyPublishedRecordMatchesTheAsyncApiDocument() {
        EventContract contract = EventContract.load();
        PublishedEventsCheck.Result result = PublishedEventsCheck.run(contract,
                SystemUnderTest.kafkaBootstrap(), EventContract.TOPICS, READ_BOUND);
        log.info("{} record(s) read: {}", result.records(), result.recordsByTopicAndType());
        // not a failure: which types this run did not exercise, so their schemas were not checked
        List<String> unseen = EventContract.TOPICS.stream()
                .flatMap(topic -> contract.typesOn(topic).keySet().stream().map(type -> topic + " " + type))
                .filter(topicAndType -> !result.recordsByTopicAndType().containsKey(topicAndType))
                .toList();
        log.info("types the document lists that no record showed: {}", unseen);

        assertThat(result.incompleteTopics()).as("topics not read to their end within " + READ_BOUND).isEmpty();
        assertThat(result.records())
                .as("records on " + EventContract.TOPICS + " (did the other system tests run first?)")
                .isPositive();
        assertThat(result.violations())
                .as("%d problem(s) in the records read, against %s:%n%s", result.violations().size(),
                        EventContract.DOCUMENT, EventContract.summarize(result.violations(), SHOWN_VIOLATIONS))
                .isEmpty();
    }
}
