package ai.dify.delms.platform.events.deadletter;

import java.util.List;

/**
 * The dead letters of a topic, oldest first per partition.
 *
 * @param pending     how many are not replayed yet
 * @param deadLetters up to the requested number of them (with {@code all}, the replayed ones too)
 * @param more        whether there are more than listed
 */
public record DeadLetterListing(String topic, String deadLetterTopic, long pending, List<DeadLetter> deadLetters,
        boolean more) {
}
