package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.Licenses.license;
import static ai.dify.delms.license.license.Licenses.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How {@link License#applyPurchase} changes a license, one purchase type and license state per row,
 * and that the result does not depend on the order in which purchases arrive (they may arrive late,
 * redelivered or reordered after a broker outage).
 */
class LicensePurchaseTest {

    private static final Instant NOW = Licenses.NOW;

    @ParameterizedTest(name = "[{index}] {0} {1} {2} {3}/{4} {5} + {6} end={7} after={8}/{9} {10} -> {11} {12}/{13} {14} {15}")
    @CsvSource(nullValues = "-", value = {
            // license: type, status, expiry, workspaces, users, product | purchase: type, periodEnd, workspacesAfter, usersAfter, productTypeAfter | expected: expiry, workspaces, users, product, status
            // RENEWAL: the expiry only moves forward; a renewal that does not extend it was superseded and changes nothing
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, RENEWAL,   2027-06-30, -,  -,   -,   2027-06-30, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, RENEWAL,   2026-03-31, -,  -,   -,   2026-06-30, 10, 100, ENT, IN_USE",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, RENEWAL,   2026-06-30, -,  -,   -,   2026-06-30, 10, 100, ENT, IN_USE",
            "SUBSCRIPTION, RENEWED,    2027-06-30, 10, 100, ENT, RENEWAL,   2026-06-30, -,  -,   -,   2027-06-30, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, EXPIRED,    2026-01-15, 10, 100, ENT, RENEWAL,   2027-01-15, -,  -,   -,   2027-01-15, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, EXPIRED,    2026-01-15, 10, 100, ENT, RENEWAL,   2025-12-31, -,  -,   -,   2026-01-15, 10, 100, ENT, EXPIRED",
            // limits that come with any purchase are only ever raised
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, RENEWAL,   2027-06-30, 10, 80,  -,   2027-06-30, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, RENEWAL,   2027-06-30, 12, 150, -,   2027-06-30, 12, 150, ENT, RENEWED",
            // EXPANSION: limits only raised, expiry only extended, status unchanged
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, EXPANSION, -,          20, 150, -,   2026-06-30, 20, 150, ENT, IN_USE",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, EXPANSION, -,          20, 50,  -,   2026-06-30, 20, 100, ENT, IN_USE",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, EXPANSION, -,          5,  -,   -,   2026-06-30, 10, 100, ENT, IN_USE",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, EXPANSION, 2026-01-31, 20, -,   -,   2026-06-30, 20, 100, ENT, IN_USE",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, EXPANSION, 2026-12-31, 20, -,   -,   2026-12-31, 20, 100, ENT, IN_USE",
            "SUBSCRIPTION, DEPLOYED,   2026-06-30, 10, 100, ENT, EXPANSION, -,          20, -,   -,   2026-06-30, 20, 100, ENT, DEPLOYED",
            // UPGRADE: another product, limits and expiry as for an expansion, RENEWED
            "SUBSCRIPTION, IN_USE,     2026-06-30, 4,  50,  PRO, UPGRADE,   -,          8,  120, ENT, 2026-06-30, 8,  120, ENT, RENEWED",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 4,  50,  PRO, UPGRADE,   -,          2,  20,  ENT, 2026-06-30, 4,  50,  ENT, RENEWED",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 4,  50,  PRO, UPGRADE,   2026-03-31, -,  -,   ENT, 2026-06-30, 4,  50,  ENT, RENEWED",
            // NEW is the order itself; a terminated license changes no more
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, NEW,       2027-06-30, 20, 200, -,   2026-06-30, 10, 100, ENT, IN_USE",
            "SUBSCRIPTION, TERMINATED, 2026-06-30, 10, 100, ENT, RENEWAL,   2027-06-30, 20, 200, -,   2026-06-30, 10, 100, ENT, TERMINATED",
            "SUBSCRIPTION, TERMINATED, 2026-06-30, 4,  50,  PRO, UPGRADE,   -,          -,  -,   ENT, 2026-06-30, 4,  50,  PRO, TERMINATED",
            // a suspended license stays suspended (its renewal shows on reinstatement)
            "SUBSCRIPTION, SUSPENDED,  2026-06-30, 10, 100, ENT, RENEWAL,   2027-06-30, -,  -,   -,   2027-06-30, 10, 100, ENT, SUSPENDED",
            // a perpetual license has no expiry: a renewal (maintenance) renews it, its limits may rise
            "PERPETUAL,    IN_USE,     -,          10, 100, ENT, RENEWAL,   2027-06-30, -,  -,   -,   -,          10, 100, ENT, RENEWED",
            "PERPETUAL,    IN_USE,     -,          10, 100, ENT, EXPANSION, -,          -,  200, -,   -,          10, 200, ENT, IN_USE",
            // a renewal renews a license not in use yet; one day past the expiry is already an extension
            "SUBSCRIPTION, CREATED,    2026-06-30, 10, 100, ENT, RENEWAL,   2026-07-01, -,  -,   -,   2026-07-01, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, DEPLOYED,   2026-06-30, 10, 100, ENT, RENEWAL,   2027-06-30, -,  -,   -,   2027-06-30, 10, 100, ENT, RENEWED",
            // a renewal without a period renews and leaves the expiry
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, RENEWAL,   -,          -,  -,   -,   2026-06-30, 10, 100, ENT, RENEWED",
            // leap days are dates like any other: to and from 29 February
            "SUBSCRIPTION, IN_USE,     2027-02-28, 10, 100, ENT, RENEWAL,   2028-02-29, -,  -,   -,   2028-02-29, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, IN_USE,     2028-02-29, 10, 100, ENT, RENEWAL,   2029-02-28, -,  -,   -,   2029-02-28, 10, 100, ENT, RENEWED",
            "SUBSCRIPTION, IN_USE,     2028-02-29, 10, 100, ENT, RENEWAL,   2028-02-28, -,  -,   -,   2028-02-29, 10, 100, ENT, IN_USE",
            // an expired license: only a renewal or an upgrade renews it; an expansion raises limits (and
            // may extend the expiry) but leaves it EXPIRED, as decision 12 has it
            "SUBSCRIPTION, EXPIRED,    2026-01-15, 10, 100, ENT, EXPANSION, -,          20, 200, -,   2026-01-15, 20, 200, ENT, EXPIRED",
            "SUBSCRIPTION, EXPIRED,    2026-01-15, 10, 100, ENT, EXPANSION, 2027-01-15, -,  -,   -,   2027-01-15, 10, 100, ENT, EXPIRED",
            "SUBSCRIPTION, EXPIRED,    2026-01-15, 4,  50,  PRO, UPGRADE,   2027-01-15, -,  -,   ENT, 2027-01-15, 4,  50,  ENT, RENEWED",
            "SUBSCRIPTION, EXPIRED,    2026-01-15, 4,  50,  PRO, UPGRADE,   -,          -,  -,   ENT, 2026-01-15, 4,  50,  ENT, RENEWED",
            // an upgrade to the product the license has already changes nothing but what else it brings
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, UPGRADE,   -,          -,  -,   ENT, 2026-06-30, 10, 100, ENT, IN_USE",
            "SUBSCRIPTION, IN_USE,     2026-06-30, 10, 100, ENT, UPGRADE,   2027-06-30, -,  -,   ENT, 2027-06-30, 10, 100, ENT, RENEWED",
            // a suspended license takes every purchase but stays suspended
            "SUBSCRIPTION, SUSPENDED,  2026-06-30, 10, 100, ENT, EXPANSION, -,          20, 200, -,   2026-06-30, 20, 200, ENT, SUSPENDED",
            "SUBSCRIPTION, SUSPENDED,  2026-06-30, 4,  50,  PRO, UPGRADE,   -,          -,  -,   ENT, 2026-06-30, 4,  50,  ENT, SUSPENDED",
            // a terminated license takes no purchase of any type
            "SUBSCRIPTION, TERMINATED, 2026-06-30, 10, 100, ENT, EXPANSION, 2027-06-30, 20, 200, -,   2026-06-30, 10, 100, ENT, TERMINATED",
    })
    void appliesAPurchaseByItsType(LicenseType licenseType, LicenseStatus status, LocalDate expiry, int workspaces,
            int users, String product, PurchaseType type, LocalDate periodEnd, Integer workspacesAfter,
            Integer usersAfter, String productTypeAfter, LocalDate expectedExpiry, int expectedWorkspaces,
            int expectedUsers, String expectedProduct, LicenseStatus expectedStatus) {
        License license = license(licenseType, status, expiry, workspaces, users, product);

        apply(license, purchase(type, periodEnd, workspacesAfter, usersAfter, productTypeAfter), NOW);

        assertThat(terms(license)).isEqualTo(new Terms(expectedExpiry, expectedWorkspaces, expectedUsers,
                expectedProduct, expectedStatus));
    }

    /** A suspended license stays suspended; what a purchase renewed shows when it is reinstated. */
    @ParameterizedTest(name = "[{index}] {0} end={1} product={2} -> reinstated as {3}")
    @CsvSource(nullValues = "-", value = {
            "RENEWAL,   2027-06-30, -,   RENEWED",
            "RENEWAL,   2026-05-31, -,   IN_USE",
            "RENEWAL,   -,          -,   RENEWED",
            "EXPANSION, 2027-06-30, -,   IN_USE",
            "UPGRADE,   -,          PRO, RENEWED",
            "UPGRADE,   -,          ENT, IN_USE",
            "NEW,       2027-06-30, -,   IN_USE"})
    void aPurchaseOfASuspendedLicenseShowsOnReinstatement(PurchaseType type, LocalDate periodEnd,
            String productTypeAfter, LicenseStatus reinstatedAs) {
        License license = license(LicenseType.SUBSCRIPTION, LicenseStatus.SUSPENDED, LocalDate.parse("2026-06-30"), 10,
                100, "ENT");

        List<FieldChange> changes = apply(license, purchase(type, periodEnd, null, null, productTypeAfter), NOW);

        assertThat(license.getStatus()).isEqualTo(LicenseStatus.SUSPENDED);
        assertThat(changes).extracting(FieldChange::field).doesNotContain("status");
        assertThat(license.getStatusBeforeSuspension()).isEqualTo(reinstatedAs);
        license.changeStatusByHand(reinstatedAs, "alice", NOW);
        assertThat(license.getStatus()).isEqualTo(reinstatedAs);
    }

    @Test
    void twoRenewalsDeliveredInReverseOrderEndAtTheLaterExpiry() {
        License license = license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE, LocalDate.parse("2026-06-30"), 10,
                100, "ENT");
        PurchaseFacts first = purchase(PurchaseType.RENEWAL, LocalDate.parse("2027-06-30"), null, null, null);
        PurchaseFacts second = purchase(PurchaseType.RENEWAL, LocalDate.parse("2028-06-30"), null, null, null);

        List<FieldChange> applied = apply(license, second, NOW.plusSeconds(1));
        List<FieldChange> late = apply(license, first, NOW);

        assertThat(license.getExpiryDate()).isEqualTo(LocalDate.parse("2028-06-30"));
        assertThat(applied).extracting(FieldChange::field).contains("expiryDate", "status");
        assertThat(late).as("the superseded renewal changes nothing").isEmpty();
    }

    @Test
    void anUpgradeRecordedBeforeTheOneAppliedDoesNotUndoIt() {
        License license = license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE, LocalDate.parse("2026-06-30"), 4,
                50, "STD");
        PurchaseFacts toPro = purchase(PurchaseType.UPGRADE, null, null, null, "PRO");
        PurchaseFacts toEnt = purchase(PurchaseType.UPGRADE, null, null, null, "ENT");

        apply(license, toEnt, NOW.plusSeconds(60));
        List<FieldChange> late = apply(license, toPro, NOW);

        assertThat(license.getProductType()).isEqualTo("ENT");
        assertThat(late).isEmpty();
    }

    /** Every pair of these purchases, applied in either order, leaves the license in the same state. */
    @Test
    void theOrderOfPurchasesDoesNotChangeTheResult() {
        List<Recorded> purchases = List.of(
                new Recorded(purchase(PurchaseType.RENEWAL, LocalDate.parse("2027-06-30"), null, null, null), NOW),
                new Recorded(purchase(PurchaseType.RENEWAL, LocalDate.parse("2028-06-30"), 12, null, null), NOW.plusSeconds(1)),
                new Recorded(purchase(PurchaseType.EXPANSION, null, 20, 150, null), NOW.plusSeconds(2)),
                new Recorded(purchase(PurchaseType.EXPANSION, null, 15, 300, null), NOW.plusSeconds(3)),
                new Recorded(purchase(PurchaseType.UPGRADE, null, null, null, "PRO"), NOW.plusSeconds(4)),
                new Recorded(purchase(PurchaseType.UPGRADE, null, 30, null, "XYZ"), NOW.plusSeconds(5)),
                new Recorded(purchase(PurchaseType.NEW, LocalDate.parse("2030-01-01"), 99, 999, null), NOW.plusSeconds(6)));
        List<String> differences = new ArrayList<>();
        for (Recorded a : purchases) {
            for (Recorded b : purchases) {
                if (a == b) {
                    continue;
                }
                License ab = license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE, LocalDate.parse("2026-06-30"), 10,
                        100, "STD");
                License ba = license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE, LocalDate.parse("2026-06-30"), 10,
                        100, "STD");
                apply(ab, a.purchase(), a.at());
                apply(ab, b.purchase(), b.at());
                apply(ba, b.purchase(), b.at());
                apply(ba, a.purchase(), a.at());
                if (!terms(ab).equals(terms(ba))) {
                    differences.add(a.purchase().type() + "@" + a.at() + " / " + b.purchase().type() + "@" + b.at()
                            + ": " + terms(ab) + " vs " + terms(ba));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    /** A purchase that would leave a limit below one is refused whole: not even its expiry applies. */
    @ParameterizedTest(name = "[{index}] {0} workspaces={1} users={2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "EXPANSION, 0,  -,  workspacesAfter",
            "EXPANSION, -1, 20, workspacesAfter",
            "EXPANSION, -,  0,  usersAfter",
            "RENEWAL,   20, -5, usersAfter",
            "UPGRADE,   0,  0,  workspacesAfter"})
    void aLimitBelowOneIsRefused(PurchaseType type, Integer workspacesAfter, Integer usersAfter, String field) {
        License license = license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE, LocalDate.parse("2026-06-30"), 10,
                100, "ENT");
        Terms before = terms(license);

        assertThatThrownBy(() -> apply(license, purchase(type, LocalDate.parse("2027-06-30"), workspacesAfter,
                usersAfter, type == PurchaseType.UPGRADE ? "PRO" : null), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
        assertThat(terms(license)).isEqualTo(before);
    }

    private record Recorded(PurchaseFacts purchase, Instant at) {
    }

    private record Terms(LocalDate expiry, int workspaces, int users, String product, LicenseStatus status) {
    }

    private static Terms terms(License license) {
        return new Terms(license.getExpiryDate(), license.getAuthorizedWorkspaces(), license.getAuthorizedUsers(),
                license.getProductType(), license.getStatus());
    }

    private static List<FieldChange> apply(License license, PurchaseFacts purchase, Instant recordedAt) {
        return license.applyPurchase(purchase, recordedAt, "bob", NOW);
    }
}
