package ai.dify.delms.license.changelog.internal;

import ai.dify.delms.license.changelog.ChangeLogEntry;
import ai.dify.delms.license.license.ChangeSource;

import java.time.Instant;

/**
 * A change-log entry as the API shows it. {@code actor} is the person behind the change, also for
 * one made by a consumed event ({@code source} EVENT), whose {@code via} says what the event was
 * about, e.g. {@code purchase 6f1c... (sales-service)}; it is null for API and scheduled changes.
 */
public record ChangeLogEntryDto(Instant at, String actor, String field, String oldValue, String newValue,
        String reason, ChangeSource source, String via) {

    static ChangeLogEntryDto of(ChangeLogEntry e) {
        return new ChangeLogEntryDto(e.getAt(), e.getActor(), e.getField(), e.getOldValue(), e.getNewValue(),
                e.getReason(), e.getSource(), e.getVia());
    }
}
