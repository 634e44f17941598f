package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseIdTest {

    @ParameterizedTest
    @CsvSource({
            "ENT, 2025-03, 123456, ENT-202503-123456",
            "PRO, 2026-12, 1,      PRO-202612-000001",
            "ENT, 2024-01, 999999, ENT-202401-999999"})
    void formatsProductMonthAndSixDigits(String product, String month, int number, String expected) {
        LicenseId id = LicenseId.of(product, YearMonth.parse(month), number);
        assertThat(id.value()).isEqualTo(expected);
        assertThat(id.productCode()).isEqualTo(product);
        assertThat(id.month()).isEqualTo(YearMonth.parse(month));
        assertThat(id.number()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENT-202503-12345", "ent-202503-123456", "ENT-202513-123456", "ENT-202500-123456",
            "ENTE-202503-123456", "ENT202503123456", "ENT-202503-000000", "", "ENT-2025-03-12345"})
    void rejectsMalformedIds(String text) {
        assertThat(LicenseId.isValid(text)).isFalse();
        assertThatThrownBy(() -> new LicenseId(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"EN, 1", "ENTX, 1", "ent, 1", "ENT, 0", "ENT, 1000000", "ENT, -5"})
    void rejectsBadParts(String product, int number) {
        assertThatThrownBy(() -> LicenseId.of(product, YearMonth.of(2025, 3), number))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
