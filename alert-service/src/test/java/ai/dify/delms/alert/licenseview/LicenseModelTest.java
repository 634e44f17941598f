package ai.dify.delms.alert.licenseview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LicenseModelTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void aChangeMakesTheLicenseDueForEvaluationUntilAnEvaluationSaysWhenNext() {
        LicenseModel model = new LicenseModel("ENT-202503-000006", NOW);
        assertThat(model.getNextEvaluationAt()).as("new").isEqualTo(NOW);
        Instant later = NOW.plusSeconds(3600);
        Instant windowStarts = Instant.parse("2025-09-01T00:00:00Z");

        model.evaluatedUntil(windowStarts);
        assertThat(model.getNextEvaluationAt()).isEqualTo(windowStarts);
        model.reportUsage(3, 30, later, null, null, later);
        assertThat(model.getNextEvaluationAt()).as("after a usage report").isEqualTo(later);

        model.evaluatedUntil(null);
        model.applyChange("expiryDate", "2026-01-31", later);
        assertThat(model.getNextEvaluationAt()).as("after an update").isEqualTo(later);

        model.evaluatedUntil(null);
        model.changeStatus("SUSPENDED", later, later);
        assertThat(model.getNextEvaluationAt()).as("after a status change").isEqualTo(later);
    }

    @Test
    void laterUsageReportReplacesTheLatestUsageAndAnEarlierOneDoesNot() {
        LicenseModel model = new LicenseModel("ENT-202503-000001", NOW);

        assertThat(model.reportUsage(3, 30, Instant.parse("2025-05-01T00:00:00Z"), 5, 50, NOW)).isTrue();
        assertThat(model.reportUsage(4, 40, Instant.parse("2025-05-02T00:00:00Z"), null, null, NOW)).isTrue();
        assertThat(model.reportUsage(1, 10, Instant.parse("2025-04-01T00:00:00Z"), 6, null, NOW)).isFalse();

        assertThat(model.getUsageWorkspaces()).isEqualTo(4);
        assertThat(model.getUsageUsers()).isEqualTo(40);
        assertThat(model.getUsageReportedAt()).isEqualTo(Instant.parse("2025-05-02T00:00:00Z"));
        // limits are the license's at the time of the report, whatever moment it describes
        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(6);
        assertThat(model.getAuthorizedUsers()).isEqualTo(50);
    }

    @Test
    void creationKeepsWhatLaterEventsAlreadyTold() {
        LicenseModel model = new LicenseModel("ENT-202503-000002", NOW);
        model.changeStatus("SUSPENDED", NOW, NOW);
        UUID customer = UUID.randomUUID();

        model.created(customer, "acme", "SUBSCRIPTION", "CREATED", LocalDate.of(2026, 3, 3), 5, 50, NOW, NOW);

        assertThat(model.getStatus()).isEqualTo("SUSPENDED");
        assertThat(model.getCustomerId()).isEqualTo(customer);
        assertThat(model.getExpiryDate()).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void theNewestVersionOfTheLicenseWinsWhateverArrivesLast() {
        LicenseModel model = new LicenseModel("ENT-202503-000004", NOW);
        Instant terminatedAt = Instant.parse("2025-05-01T00:00:00Z");

        assertThat(model.describe(state("TERMINATED", 5, 50), 3, terminatedAt, NOW)).isTrue();
        assertThat(model.describe(state("SUSPENDED", 5, 50), 2, NOW, NOW)).as("older").isFalse();
        assertThat(model.describe(state("IN_USE", 10, 100), 3, NOW, NOW)).as("the same version").isFalse();
        assertThat(model.takesUnversioned()).as("an event without a version is older still").isFalse();

        assertThat(model.getStatus()).isEqualTo("TERMINATED");
        assertThat(model.getStatusChangedAt()).isEqualTo(terminatedAt);
        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(5);
        assertThat(model.getVersion()).isEqualTo(3);
    }

    @Test
    void aUsageReportTakesNoLimitsOfItsOwnOnceTheModelHasAVersion() {
        LicenseModel model = new LicenseModel("ENT-202503-000005", NOW);
        model.describe(state("IN_USE", 10, 100), 1, NOW, NOW);

        model.reportUsage(8, 80, NOW, null, null, NOW);

        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(10);
        assertThat(model.getUsageUsers()).isEqualTo(80);
    }

    private static LicenseEvents.LicenseState state(String status, int workspaces, int users) {
        return new LicenseEvents.LicenseState(UUID.randomUUID(), "acme", "SUBSCRIPTION", status,
                LocalDate.of(2026, 3, 3), workspaces, users);
    }

    @Test
    void updatesChangeTheFieldsTheRulesUseAndIgnoreOthers() {
        LicenseModel model = new LicenseModel("ENT-202503-000003", NOW);

        assertThat(model.applyChange("expiryDate", "2027-01-31", NOW)).isTrue();
        assertThat(model.applyChange("authorizedUsers", "75", NOW)).isTrue();
        assertThat(model.applyChange("resellerId", null, NOW)).isTrue();
        assertThat(model.applyChange("notes", "renewed early", NOW)).isFalse();

        assertThat(model.getExpiryDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(model.getAuthorizedUsers()).isEqualTo(75);
        assertThat(model.getResellerId()).isNull();
        assertThatThrownBy(() -> model.applyChange("authorizedWorkspaces", "many", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
