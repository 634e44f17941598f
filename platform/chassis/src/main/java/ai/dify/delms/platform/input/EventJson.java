package ai.dify.delms.platform.input;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapper consumers read events with: the service's own, without the strict reading of
 * request bodies. Topics keep their records forever (decision 18), so an event written before the
 * strict rules (a string with a lone surrogate, accepted then) must stay readable on a replay or a
 * rebuild instead of turning into a dead letter; events are written by the services themselves,
 * from typed values, so nothing new of that kind arrives.
 */
public final class EventJson {

    private EventJson() {
    }

    public static JsonMapper lenientCopyOf(JsonMapper mapper) {
        return mapper.rebuild()
                .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(UUID.class, config -> config.setCoercion(CoercionInputShape.EmptyString,
                        CoercionAction.AsNull))
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(true)))
                // a module added later is asked first: Jackson's own reading of strings again
                .addModule(new SimpleModule("delms-event-strings").addDeserializer(String.class,
                        new StringDeserializer()))
                .build();
    }
}
