package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.platform.problem.InvalidFieldException;

class LicenseTermsTest {

    private static LicenseTerms terms(LicenseType type, String order, String start, String expiry, int workspaces,
            int users) {
        return new LicenseTerms("ENT", type, UUID.randomUUID(), null, null, LocalDate.parse(order),
                LocalDate.parse(start), expiry == null ? null : LocalDate.parse(expiry), workspaces, users, null);
    }

    @Test
    void validSubscriptionAndPerpetualPass() {
        assertThatCode(() -> terms(LicenseType.SUBSCRIPTION, "2025-01-01", "2025-01-01", "2026-01-01", 5, 50).check())
                .doesNotThrowAnyException();
        assertThatCode(() -> terms(LicenseType.PERPETUAL, "2025-01-01", "2025-02-01", null, 1, 1).check())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1}..{2}..{3} limits {4}/{5} -> {6}")
    @CsvSource({
            "SUBSCRIPTION, 2025-01-01, 2025-01-01, 2026-01-01, 0, 10, authorizedWorkspaces",
            "SUBSCRIPTION, 2025-01-01, 2025-01-01, 2026-01-01, 1, 0,  authorizedUsers",
            "SUBSCRIPTION, 2025-02-01, 2025-01-01, 2026-01-01, 1, 1,  startDate",
            "SUBSCRIPTION, 2025-01-01, 2025-01-01, ,           1, 1,  expiryDate",
            "TRIAL,        2025-01-01, 2025-01-01, 2025-01-01, 1, 1,  expiryDate",
            "POC,          2025-01-01, 2025-03-01, 2025-02-01, 1, 1,  expiryDate",
            "PERPETUAL,    2025-01-01, 2025-01-01, 2030-01-01, 1, 1,  expiryDate"})
    void brokenRuleNamesTheField(LicenseType type, String order, String start, String expiry, int workspaces,
            int users, String field) {
        assertThatThrownBy(() -> terms(type, order, start, expiry, workspaces, users).check())
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
    }
}
