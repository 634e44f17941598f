package ai.dify.delms.license.stats.internal;

import java.time.LocalDate;
import java.util.Comparator;

import ai.dify.delms.license.license.LicenseStatus;

/** The keys of the two counter tables, ordered as their primary keys (the order their rows are locked in). */
final class CountKeys {

    private CountKeys() {
    }

    /** A row of {@code license_count}. */
    record StatusProduct(LicenseStatus status, String productType) implements Comparable<StatusProduct> {

        private static final Comparator<StatusProduct> ORDER = Comparator
                .comparing((StatusProduct k) -> k.status().name()).thenComparing(StatusProduct::productType);

        @Override
        public int compareTo(StatusProduct other) {
            return ORDER.compare(this, other);
        }
    }

    /** A row of {@code license_expiry_count}. */
    record ExpiryDay(LocalDate expiryDate, LicenseStatus status) implements Comparable<ExpiryDay> {

        private static final Comparator<ExpiryDay> ORDER = Comparator.comparing(ExpiryDay::expiryDate)
                .thenComparing(k -> k.status().name());

        @Override
        public int compareTo(ExpiryDay other) {
            return ORDER.compare(this, other);
        }
    }
}
