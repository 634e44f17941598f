package ai.dify.delms.license.changelog;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes change-log entries inside the transaction that makes the change (it refuses to run without one). */
@Component
public class ChangeRecorder {

    private final ChangeLogRepository entries;

    ChangeRecorder(ChangeLogRepository entries) {
        this.entries = entries;
    }

    /** One entry: {@code field} of license {@code licenseId} went from {@code oldValue} to {@code newValue}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String licenseId, Instant at, String actor, String field, String oldValue, String newValue,
            String reason, ChangeSource source) {
        entries.save(new ChangeLogEntry(licenseId, at, actor, field, oldValue, newValue, reason, source));
    }
}
