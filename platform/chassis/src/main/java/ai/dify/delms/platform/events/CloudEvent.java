package ai.dify.delms.platform.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A DELMS event as it goes on the wire: CloudEvents 1.0, structured JSON mode, with the W3C
 * {@code traceparent} extension and the {@link EventActor} extensions ({@code actorsubject},
 * {@code actorusername}, {@code actorclientid}: who caused the change; absent for a job). {@code data}
 * is the payload's JSON, written as is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "traceparent",
        "actorsubject", "actorusername", "actorclientid", "data"})
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String traceparent,
        String actorsubject,
        String actorusername,
        String actorclientid,
        @JsonRawValue String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
