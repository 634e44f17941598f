package ai.dify.delms.licensefile.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Terms of a typical license: valid 2026-01-01 to 2026-12-31, 30 days of grace. */
public final class TestLicenses {

    public static final LocalDate START = LocalDate.of(2026, 1, 1);
    public static final LocalDate EXPIRY = LocalDate.of(2026, 12, 31);
    public static final int GRACE_DAYS = 30;

    private TestLicenses() {
    }

    public static LicenseTerms terms() {
        return LicenseTerms.builder()
                .licenseId("ENT-202512-000042")
                .licenseVersion(7)
                .fileSerial("f-0192d4c8-7b1e-4f0a-9a44-3c2b1e0d9f77")
                .issuedAt(Instant.parse("2025-12-20T08:30:00Z"))
                .customerId(UUID.fromString("5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"))
                .customerName("Acme Corp")
                .productType("ENT")
                .licenseType("SUBSCRIPTION")
                .status("DEPLOYED")
                .authorizedWorkspaces(10)
                .authorizedUsers(250)
                .startDate(START)
                .expiryDate(EXPIRY)
                .gracePeriodDays(GRACE_DAYS)
                .build();
    }
}
