package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Licenses for unit tests, each brought into its status the way the service brings it there
 * (deployment, usage report, purchase, expiry job, manual change), never by setting a field.
 */
final class Licenses {

    static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
    static final LocalDate START = LocalDate.parse("2025-07-01");

    private Licenses() {
    }

    /** An ENT subscription with 10 workspaces and 100 users, valid until {@code expiry}, in {@code status}. */
    static License subscription(LicenseStatus status, LocalDate expiry) {
        return license(LicenseType.SUBSCRIPTION, status, expiry, 10, 100, "ENT");
    }

    /** A license in {@code status}; a suspended one was IN_USE before its suspension. */
    static License license(LicenseType type, LicenseStatus status, LocalDate expiry, int workspaces, int users,
            String product) {
        if (status == LicenseStatus.SUSPENDED) {
            return suspended(type, LicenseStatus.IN_USE, expiry, workspaces, users, product);
        }
        License license = created(type, expiry, workspaces, users, product);
        switch (status) {
            case CREATED -> { }
            case DEPLOYED -> license.deploymentCompleted("erin", NOW);
            case IN_USE -> license.recordUsage(new LatestUsage(1, 1, NOW), "erin", NOW);
            case RENEWED -> {
                license.recordUsage(new LatestUsage(1, 1, NOW), "erin", NOW);
                license.applyPurchase(renewalWithoutPeriod(), NOW, "bob", NOW);
            }
            case EXPIRED -> license.expireIfDue(expiry.plusDays(1), "job", NOW);
            case TERMINATED -> license.changeStatusByHand(LicenseStatus.TERMINATED, "alice", NOW);
            case SUSPENDED -> throw new IllegalStateException("handled above");
        }
        assertThat(license.getStatus()).as("license prepared").isEqualTo(status);
        return license;
    }

    /** A subscription like {@link #subscription}, suspended while it was {@code before}. */
    static License suspendedFrom(LicenseStatus before, LocalDate expiry) {
        return suspended(LicenseType.SUBSCRIPTION, before, expiry, 10, 100, "ENT");
    }

    private static License suspended(LicenseType type, LicenseStatus before, LocalDate expiry, int workspaces,
            int users, String product) {
        License license = license(type, before, expiry, workspaces, users, product);
        license.changeStatusByHand(LicenseStatus.SUSPENDED, "alice", NOW);
        assertThat(license.getStatusBeforeSuspension()).as("license prepared").isEqualTo(before);
        return license;
    }

    private static License created(LicenseType type, LocalDate expiry, int workspaces, int users, String product) {
        LicenseTerms terms = new LicenseTerms(product, type, UUID.randomUUID(), null, null, START, START, expiry,
                workspaces, users, null);
        terms.check();
        return License.create(new LicenseId(product + "-202507-000001"), terms, "alice", NOW);
    }

    static PurchaseFacts purchase(PurchaseType type, LocalDate periodEnd, Integer workspacesAfter, Integer usersAfter,
            String productTypeAfter) {
        return new PurchaseFacts(UUID.randomUUID(), type, LocalDate.parse("2026-01-20"), new BigDecimal("1000.00"),
                "EUR", null, periodEnd, workspacesAfter, usersAfter, productTypeAfter, null);
    }

    private static PurchaseFacts renewalWithoutPeriod() {
        return purchase(PurchaseType.RENEWAL, null, null, null, null);
    }
}
