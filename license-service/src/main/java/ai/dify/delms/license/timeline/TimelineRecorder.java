package ai.dify.delms.license.timeline;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Stores timeline facts inside the transaction that applies them to the license. */
@Component
public class TimelineRecorder {

    private final TimelineFactRepository facts;
    private final JsonMapper json;

    TimelineRecorder(TimelineFactRepository facts, JsonMapper json) {
        this.facts = facts;
        this.json = json;
    }

    /**
     * @param details shown as the entry's {@code details} object (null values are kept)
     * @param reference the id of what it is about (purchase, deployment), if any
     * @param actor the person behind it (who recorded the purchase, reported the usage), if known
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String licenseId, Instant at, TimelineKind kind, String summary, Map<String, ?> details,
            String reference, String actor) {
        facts.save(new TimelineFact(licenseId, at, kind, summary,
                details == null ? null : json.writeValueAsString(details), reference, actor));
    }
}
