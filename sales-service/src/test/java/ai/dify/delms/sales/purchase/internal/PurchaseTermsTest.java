package ai.dify.delms.sales.purchase.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.dify.delms.platform.problem.FieldError;
import ai.dify.delms.sales.purchase.PurchaseType;

class PurchaseTermsTest {

    private static final PurchaseTerms.LicenseTerms LICENSE =
            new PurchaseTerms.LicenseTerms("ENT", LocalDate.parse("2026-03-01"), 5, 50);

    static Stream<Arguments> againstTheLicense() {
        return Stream.of(
                Arguments.of(terms(PurchaseType.RENEWAL, "2027-03-01", null, null, null), null),
                Arguments.of(terms(PurchaseType.RENEWAL, "2026-03-01", null, null, null), "periodEnd"),
                Arguments.of(terms(PurchaseType.RENEWAL, "2026-01-01", null, null, null), "periodEnd"),
                Arguments.of(terms(PurchaseType.EXPANSION, null, 6, null, null), null),
                Arguments.of(terms(PurchaseType.EXPANSION, null, null, 51, null), null),
                Arguments.of(terms(PurchaseType.EXPANSION, null, 5, 50, null), "workspacesAfter"),
                Arguments.of(terms(PurchaseType.EXPANSION, null, null, 50, null), "usersAfter"),
                Arguments.of(terms(PurchaseType.EXPANSION, null, 4, 60, null), "workspacesAfter"),
                Arguments.of(terms(PurchaseType.EXPANSION, null, 9, 49, null), "usersAfter"),
                Arguments.of(terms(PurchaseType.EXPANSION, "2026-02-01", 9, null, null), "periodEnd"),
                Arguments.of(terms(PurchaseType.UPGRADE, null, null, null, "PRO"), null),
                Arguments.of(terms(PurchaseType.UPGRADE, null, null, null, "ENT"), "productTypeAfter"),
                // no purchase lowers a limit: license-service would not apply it (docs/decisions.md, 12)
                Arguments.of(terms(PurchaseType.RENEWAL, "2027-03-01", 5, 60, null), null),
                Arguments.of(terms(PurchaseType.RENEWAL, "2027-03-01", 4, null, null), "workspacesAfter"),
                Arguments.of(terms(PurchaseType.RENEWAL, "2027-03-01", null, 40, null), "usersAfter"),
                Arguments.of(terms(PurchaseType.UPGRADE, null, 8, 100, "PRO"), null),
                Arguments.of(terms(PurchaseType.UPGRADE, null, 3, null, "PRO"), "workspacesAfter"),
                Arguments.of(terms(PurchaseType.UPGRADE, null, 6, 49, "PRO"), "usersAfter"),
                Arguments.of(terms(PurchaseType.NEW, "2026-01-01", null, null, null), null));
    }

    @ParameterizedTest
    @MethodSource
    void againstTheLicense(PurchaseTerms terms, String brokenField) {
        FieldError error = terms.checkAgainst(LICENSE);
        assertThat(error == null ? null : error.field()).isEqualTo(brokenField);
    }

    static Stream<Arguments> shape() {
        return Stream.of(
                Arguments.of(terms(PurchaseType.RENEWAL, null, null, null, null), "periodEnd"),
                Arguments.of(terms(PurchaseType.EXPANSION, null, null, null, null), "workspacesAfter"),
                Arguments.of(terms(PurchaseType.UPGRADE, null, null, null, null), "productTypeAfter"),
                Arguments.of(terms(PurchaseType.NEW, null, null, null, "PRO"), "productTypeAfter"),
                Arguments.of(terms(PurchaseType.NEW, null, null, null, null), null));
    }

    @ParameterizedTest
    @MethodSource
    void shape(PurchaseTerms terms, String brokenField) {
        assertThat(terms.checkShape().stream().map(FieldError::field).findFirst().orElse(null)).isEqualTo(brokenField);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"EUR,true", "USD,true", "JPY,true", "XYZ,false", "eur,false"})
    void currencies(String code, boolean valid) {
        assertThat(PurchaseTerms.isIsoCurrency(code)).isEqualTo(valid);
    }

    private static PurchaseTerms terms(PurchaseType type, String periodEnd, Integer workspaces, Integer users,
            String product) {
        return new PurchaseTerms("ENT-202503-000001", type, LocalDate.parse("2026-02-01"), new BigDecimal("10.00"),
                "EUR", null, periodEnd == null ? null : LocalDate.parse(periodEnd), workspaces, users, product, null,
                null, null, null);
    }
}
