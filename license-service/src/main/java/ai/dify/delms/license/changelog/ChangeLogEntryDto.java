package ai.dify.delms.license.changelog;

import java.time.Instant;

/** A change-log entry as the API shows it. */
public record ChangeLogEntryDto(Instant at, String actor, String field, String oldValue, String newValue,
        String reason, ChangeSource source) {

    static ChangeLogEntryDto of(ChangeLogEntry e) {
        return new ChangeLogEntryDto(e.getAt(), e.getActor(), e.getField(), e.getOldValue(), e.getNewValue(),
                e.getReason(), e.getSource());
    }
}
