package ai.dify.delms.sales.purchase.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ai.dify.delms.platform.problem.FieldError;
import ai.dify.delms.sales.purchase.PurchaseType;

/**
 * What a purchase says, and its rules: {@link #checkShape()} the rules of the request alone (400),
 * {@link #checkAgainst(LicenseTerms)} the rules against the license it names (422).
 */
public record PurchaseTerms(String licenseId, PurchaseType type, LocalDate purchaseDate, BigDecimal amount,
        String currency, LocalDate periodStart, LocalDate periodEnd, Integer workspacesAfter, Integer usersAfter,
        String productTypeAfter, UUID salesRepId, UUID resellerId, String orderReference, String notes) {

    /** The license as it is before the purchase. */
    public record LicenseTerms(String productType, LocalDate expiryDate, Integer workspaces, Integer users) {
    }

    /** Faults of the request itself, whatever the license: an empty list when it is well-formed. */
    List<FieldError> checkShape() {
        List<FieldError> errors = new ArrayList<>();
        if (currency != null && !isIsoCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code, e.g. EUR"));
        }
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            errors.add(new FieldError("periodEnd", "must not be before periodStart"));
        }
        if (type == PurchaseType.RENEWAL && periodEnd == null) {
            errors.add(new FieldError("periodEnd", "is required for a renewal: the license's new expiry"));
        }
        if (type == PurchaseType.EXPANSION && workspacesAfter == null && usersAfter == null) {
            errors.add(new FieldError("workspacesAfter", "or usersAfter is required for an expansion"));
        }
        if (type == PurchaseType.UPGRADE && productTypeAfter == null) {
            errors.add(new FieldError("productTypeAfter", "is required for an upgrade"));
        }
        if (type != PurchaseType.UPGRADE && productTypeAfter != null) {
            errors.add(new FieldError("productTypeAfter", "is only for an upgrade"));
        }
        return errors;
    }

    /**
     * The first rule the purchase breaks against the license, or null if it may be recorded. No
     * purchase shortens a license or lowers a limit (license-service would not apply it; that is an
     * edit of the license, docs/decisions.md, 12); a renewal must extend the license, an expansion
     * raise a limit, an upgrade change the product.
     */
    FieldError checkAgainst(LicenseTerms license) {
        if (type == PurchaseType.RENEWAL && license.expiryDate() != null && !periodEnd.isAfter(license.expiryDate())) {
            return new FieldError("periodEnd", "must be after the license's current expiry " + license.expiryDate());
        }
        if (type != PurchaseType.NEW) {
            if (lowers(workspacesAfter, license.workspaces())) {
                return new FieldError("workspacesAfter", "must not be below the current " + license.workspaces()
                        + " (a purchase never lowers a limit; edit the license for that)");
            }
            if (lowers(usersAfter, license.users())) {
                return new FieldError("usersAfter", "must not be below the current " + license.users()
                        + " (a purchase never lowers a limit; edit the license for that)");
            }
        }
        if (type == PurchaseType.EXPANSION && !raises(workspacesAfter, license.workspaces())
                && !raises(usersAfter, license.users())) {
            return new FieldError(workspacesAfter != null ? "workspacesAfter" : "usersAfter",
                    "an expansion must raise at least one limit (now " + license.workspaces() + " workspaces, "
                            + license.users() + " users)");
        }
        if (type == PurchaseType.UPGRADE && Objects.equals(productTypeAfter, license.productType())) {
            return new FieldError("productTypeAfter", "must name another product type than the current "
                    + license.productType());
        }
        if (periodEnd != null && license.expiryDate() != null && type != PurchaseType.RENEWAL
                && type != PurchaseType.NEW && periodEnd.isBefore(license.expiryDate())) {
            return new FieldError("periodEnd", "must not shorten the license (current expiry "
                    + license.expiryDate() + ")");
        }
        return null;
    }

    private static boolean raises(Integer after, Integer current) {
        return after != null && (current == null || after > current);
    }

    private static boolean lowers(Integer after, Integer current) {
        return after != null && current != null && after < current;
    }

    static boolean isIsoCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
