package ai.dify.delms.sales.purchase.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import ai.dify.delms.platform.reference.LicenseIdFormat;
import ai.dify.delms.sales.purchase.PurchaseType;

/** The body of {@code POST /api/v1/purchases}. */
public record NewPurchaseRequest(
        @NotBlank @Pattern(regexp = LicenseIdFormat.PATTERN, message = LicenseIdFormat.MESSAGE) String licenseId,
        @NotNull PurchaseType type,
        @NotNull LocalDate purchaseDate,
        @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR") String currency,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Positive Integer workspacesAfter,
        @Positive Integer usersAfter,
        @Pattern(regexp = "[A-Z]{3}", message = "must be a product type code of three capital letters")
        String productTypeAfter,
        UUID salesRepId,
        UUID resellerId,
        @Size(max = 100) String orderReference,
        @Size(max = 10_000) String notes) {

    PurchaseTerms toTerms() {
        return new PurchaseTerms(licenseId.trim(), type, purchaseDate, amount, currency, periodStart, periodEnd,
                workspacesAfter, usersAfter, productTypeAfter, salesRepId, resellerId, orderReference, notes);
    }
}
