package ai.dify.delms.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Bodies are read strictly; events, which topics keep forever, as they were written. */
class EventJsonTest {

    record Payload(String name, int users, UUID salesRepId) {
    }

    private static final String OLD_EVENT = "{\"name\":\"a\\ud800b\",\"users\":7.0,\"salesRepId\":\"\"}";

    private final JsonMapper strict = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new InputAutoConfiguration().strictJsonInput().customize(builder);
        return builder.build();
    }

    @Test
    void theServicesMapperRefusesWhatItWouldHaveBent() {
        assertThatThrownBy(() -> strict.readValue("{\"name\":\"a\\ud800b\"}", Payload.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"users\":7.9}", Payload.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"salesRepId\":\"\"}", Payload.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void anEventWrittenBeforeTheStrictRulesStaysReadable() {
        Payload payload = EventJson.lenientCopyOf(strict).readValue(OLD_EVENT, Payload.class);

        assertThat(payload.name()).isEqualTo("a\ud800b");
        assertThat(payload.users()).isEqualTo(7);
        assertThat(payload.salesRepId()).isNull();
    }
}
