package ai.dify.delms.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import ai.dify.delms.alert.alert.internal.AlertStatus;
import org.junit.jupiter.api.Test;

/** An alert's own life: open, acknowledged once by the first who saw it, resolved once. */
class AlertTest {

    private static final Instant RAISED = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant LATER = RAISED.plusSeconds(600);
    private static final Instant LATEST = RAISED.plusSeconds(1200);

    @Test
    void anAcknowledgedAlertStaysOpenAndRemembersTheFirstWhoSawIt() {
        Alert alert = raised();

        alert.acknowledge("alice", LATER);
        alert.acknowledge("bob", LATEST);

        assertThat(alert.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alert.isOpen()).isTrue();
        assertThat(alert.getAcknowledgedBy()).isEqualTo("alice");
        assertThat(alert.getAcknowledgedAt()).isEqualTo(LATER);
    }

    @Test
    void aResolvedAlertIsClosedOnceAndCannotBeAcknowledged() {
        Alert alert = raised();
        alert.acknowledge("alice", LATER);

        alert.resolve(LATER);
        alert.resolve(LATEST);

        assertThat(alert.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert.isOpen()).isFalse();
        assertThat(alert.getResolvedAt()).isEqualTo(LATER);
        assertThatThrownBy(() -> alert.acknowledge("bob", LATEST)).isInstanceOf(IllegalStateException.class);
        assertThat(alert.getAcknowledgedBy()).isEqualTo("alice");
    }

    @Test
    void aNewAlertIsOpenAndUnacknowledged() {
        Alert alert = raised();

        assertThat(alert.getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.isOpen()).isTrue();
        assertThat(alert.getAcknowledgedBy()).isNull();
        assertThat(alert.getResolvedAt()).isNull();
        assertThat(AlertStatus.openStatuses()).containsExactlyInAnyOrder(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
    }

    private static Alert raised() {
        return Alert.raise("ENT-202501-000001", UUID.randomUUID(), "acme", AlertType.INACTIVE, AlertSeverity.WARNING,
                "no usage report for 30 days", Map.of("silentDays", 30L), RAISED);
    }
}
