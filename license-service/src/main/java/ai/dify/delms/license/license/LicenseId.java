package ai.dify.delms.license.license;

import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business key of a license: {@code XXX-YYYYMM-NNNNNN}, the product code, the year and month
 * of creation, and a six-digit number, e.g. {@code ENT-202503-123456}. Unique forever, assigned by
 * the server ({@link LicenseIdGenerator}).
 */
public record LicenseId(String value) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-(\\d{4})(\\d{2})-(\\d{6})");
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z]{3}");

    /** The largest number a product can get in one month. */
    public static final int MAX_NUMBER = 999_999;

    public LicenseId {
        Objects.requireNonNull(value, "value");
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a license id (XXX-YYYYMM-NNNNNN): " + value);
        }
        int month = Integer.parseInt(matcher.group(3));
        if (month < 1 || month > 12 || Integer.parseInt(matcher.group(4)) == 0) {
            throw new IllegalArgumentException("Not a license id (month 01-12, number from 000001): " + value);
        }
    }

    /** The id of the {@code number}th license of {@code productCode} created in {@code month}. */
    public static LicenseId of(String productCode, YearMonth month, int number) {
        if (productCode == null || !PRODUCT_CODE.matcher(productCode).matches()) {
            throw new IllegalArgumentException("A product code is three capital letters: " + productCode);
        }
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("A license number is 1.." + MAX_NUMBER + ": " + number);
        }
        if (month.getYear() < 1000 || month.getYear() > 9999) {
            throw new IllegalArgumentException("Year out of range: " + month);
        }
        return new LicenseId(String.format("%s-%04d%02d-%06d", productCode, month.getYear(), month.getMonthValue(),
                number));
    }

    /** Whether {@code text} is a well-formed license id. */
    public static boolean isValid(String text) {
        try {
            new LicenseId(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String productCode() {
        return value.substring(0, 3);
    }

    public YearMonth month() {
        return YearMonth.of(Integer.parseInt(value.substring(4, 8)), Integer.parseInt(value.substring(8, 10)));
    }

    public int number() {
        return Integer.parseInt(value.substring(11));
    }

    @Override
    public String toString() {
        return value;
    }
}
