package ai.dify.delms.platform.input;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.annotation.DateTimeFormat;

import ai.dify.delms.platform.problem.InvalidValueException;

/**
 * Reads every date query or path parameter ({@code LocalDate}, ISO {@code yyyy-MM-dd}) and refuses
 * one outside the years {@value #MIN_YEAR}..{@value #MAX_YEAR}, which hold every date the business
 * has: {@code +999999999-12-31} is a valid {@code LocalDate}, but one day more overflows, and the
 * database's dates end at 9999 (a period's exclusive end, the day after, must still be one).
 * Applies to parameters without {@code @DateTimeFormat} and those with {@code iso = DATE}.
 */
final class DateParameters implements ConditionalGenericConverter {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2999;
    static final String RANGE = "must be a date (yyyy-MM-dd) from " + MIN_YEAR + "-01-01 to " + MAX_YEAR + "-12-31";

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, LocalDate.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        DateTimeFormat format = targetType.getAnnotation(DateTimeFormat.class);
        return format == null || format.iso() == DateTimeFormat.ISO.DATE && format.pattern().isEmpty()
                && format.style().equals("SS") && format.fallbackPatterns().length == 0;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String text = source == null ? "" : source.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new InvalidValueException(RANGE);
        }
        return date;
    }
}
