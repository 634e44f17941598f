package ai.dify.delms.alert.licensemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LicenseModelTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

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
