package ai.dify.delms.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone the business's calendar days are in ({@value #PROPERTY}, UTC unless configured):
 * which day "today" is, the day an expiry date ends, when a daily job runs. One property for every
 * service, so license-service expires a license on the day alert-service reports it EXPIRED.
 */
public record BusinessTimeZone(ZoneId zone) {

    public static final String PROPERTY = "delms.business-time-zone";

    /** The calendar day {@code clock} is in, in the business's zone (the clock's own zone is ignored). */
    public LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The first instant of {@code date} in the business's zone. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
