package ai.dify.delms.platform.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges of what is in a service's database (licenses by status, open alerts by type, the outbox),
 * read by a query that runs at most once every {@code delms.metrics.gauge-max-age} however often
 * Prometheus scrapes and however many gauges share it: a scrape never costs more than one cheap
 * query per figure. A query that fails (database away) shows as NaN until it works again.
 *
 * <pre>{@code
 * gauges.countsBy("delms.licenses", "Licenses by status", "status", statusNames,
 *         () -> jdbc.query("select status, count(*) from license group by status", ...));
 * }</pre>
 */
public class DomainGauges {

    private static final Logger log = LoggerFactory.getLogger(DomainGauges.class);

    private final MeterRegistry registry;
    private final Duration maxAge;

    public DomainGauges(MeterRegistry registry, Duration maxAge) {
        this.registry = registry;
        this.maxAge = maxAge;
    }

    /**
     * One gauge {@code name{tag=value}} for each of {@code values}, all from one grouped count: a
     * value the query does not return counts 0, so every series exists from the start.
     */
    public void countsBy(String name, String description, String tag, Collection<String> values,
            Supplier<Map<String, ? extends Number>> counts) {
        Cached<Map<String, ? extends Number>> cached = new Cached<>(name, counts, maxAge);
        for (String value : values) {
            Gauge.builder(name, cached, c -> {
                Map<String, ? extends Number> latest = c.get();
                if (latest == null) {
                    return Double.NaN;
                }
                Number count = latest.get(value);
                return count == null ? 0 : count.doubleValue();
            }).description(description).tag(tag, value).strongReference(true).register(registry);
        }
    }

    /** One gauge read by {@code value}; {@code baseUnit} as Micrometer names it (e.g. "seconds"), or null. */
    public void value(String name, String description, String baseUnit, Supplier<? extends Number> value) {
        Cached<? extends Number> cached = new Cached<>(name, value, maxAge);
        Gauge.builder(name, cached, c -> {
            Number latest = c.get();
            return latest == null ? Double.NaN : latest.doubleValue();
        }).description(description).baseUnit(baseUnit).strongReference(true).register(registry);
    }

    /** A value read again once it is older than the maximum age; null while the read fails. */
    private static final class Cached<T> {
        private final String name;
        private final Supplier<T> read;
        private final long maxAgeNanos;
        private T value;
        private long readAt;
        private boolean everRead;

        Cached(String name, Supplier<T> read, Duration maxAge) {
            this.name = name;
            this.read = read;
            this.maxAgeNanos = maxAge.toNanos();
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (!everRead || now - readAt >= maxAgeNanos) {
                everRead = true;
                readAt = now;
                try {
                    value = read.get();
                } catch (RuntimeException e) {
                    log.debug("Gauge {} could not be read: {}", name, e.toString());
                    value = null;
                }
            }
            return value;
        }
    }
}
