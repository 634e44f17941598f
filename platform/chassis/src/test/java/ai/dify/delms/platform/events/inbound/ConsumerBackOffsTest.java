package ai.dify.delms.platform.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class ConsumerBackOffsTest {

    private final ConsumerBackOffs defaults = new ConsumerBackOffs(new ConsumerRetryProperties(null, null, null, null,
            null));

    @Test
    void transientFailuresAreRetriedDoublingUpTo30SecondsForHalfAnHour() {
        List<Long> waits = waits(defaults.of(ConsumerFailure.TRANSIENT));

        assertThat(waits.subList(0, 7)).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L);
        assertThat(waits.subList(6, waits.size())).allMatch(wait -> wait == 30_000L);
        // the last wait may end past the give-up, by less than one wait
        long total = waits.stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThanOrEqualTo(Duration.ofMinutes(30).toMillis())
                .isLessThan(Duration.ofMinutes(30).plusSeconds(30).toMillis());
    }

    @Test
    void anAggregateNotKnownYetIsAwaitedForItsOwnGiveUp() {
        long total = waits(defaults.of(ConsumerFailure.NOT_KNOWN_YET)).stream().mapToLong(Long::longValue).sum();

        assertThat(total).isGreaterThanOrEqualTo(Duration.ofMinutes(2).toMillis())
                .isLessThan(Duration.ofMinutes(2).plusSeconds(30).toMillis());
    }

    @Test
    void poisonIsNotRetried() {
        assertThat(waits(defaults.of(ConsumerFailure.POISON))).isEmpty();
    }

    @Test
    void anythingElseIsRetriedTwiceQuickly() {
        assertThat(waits(defaults.of(ConsumerFailure.UNEXPECTED))).containsExactly(500L, 1_000L);
        assertThat(waits(new ConsumerBackOffs(new ConsumerRetryProperties(null, null, null, null, 0))
                .of(ConsumerFailure.UNEXPECTED))).isEmpty();
    }

    @Test
    void theGiveUpsAndWaitsAreConfigurable() {
        ConsumerBackOffs configured = new ConsumerBackOffs(new ConsumerRetryProperties(Duration.ofMillis(100),
                Duration.ofMillis(400), Duration.ofSeconds(2), Duration.ofMillis(700), 1));

        assertThat(waits(configured.of(ConsumerFailure.TRANSIENT)))
                .containsExactly(100L, 200L, 400L, 400L, 400L, 400L, 400L);
        assertThat(waits(configured.of(ConsumerFailure.NOT_KNOWN_YET))).containsExactly(100L, 200L, 400L);
        assertThat(waits(configured.of(ConsumerFailure.UNEXPECTED))).containsExactly(100L);
    }

    @Test
    void aLongestWaitShorterThanTheFirstIsRefused() {
        assertThatThrownBy(() -> new ConsumerRetryProperties(Duration.ofSeconds(5), Duration.ofSeconds(1), null, null,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-back-off");
    }

    private static List<Long> waits(BackOff backOff) {
        BackOffExecution execution = backOff.start();
        List<Long> waits = new ArrayList<>();
        for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
            waits.add(wait);
            if (waits.size() > 10_000) {
                throw new AssertionError("the back-off never stops");
            }
        }
        return waits;
    }
}
