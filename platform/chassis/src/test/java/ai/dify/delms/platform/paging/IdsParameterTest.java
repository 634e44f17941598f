package ai.dify.delms.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ai.dify.delms.platform.problem.BadFieldException;

class IdsParameterTest {

    @Test
    void absentOrEmptyIsNoFilter() {
        assertThat(IdsParameter.check(null)).isNull();
        assertThat(IdsParameter.check(List.of())).isNull();
        // ?id= binds as one null element
        assertThat(IdsParameter.check(Arrays.asList((UUID) null))).isNull();
    }

    @Test
    void givenIdsAreKeptOnceEach() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThat(IdsParameter.check(List.of(a, b, a))).containsExactly(a, b);
    }

    @Test
    void upToTheLimitIsAcceptedAndOneMoreIsABadField() {
        List<UUID> hundred = new ArrayList<>(IntStream.range(0, IdsParameter.MAX_IDS).mapToObj(i -> UUID.randomUUID()).toList());
        assertThat(IdsParameter.check(hundred)).hasSize(100);

        hundred.add(UUID.randomUUID());
        assertThatThrownBy(() -> IdsParameter.check(hundred))
                .isInstanceOfSatisfying(BadFieldException.class, e -> assertThat(e.field()).isEqualTo("id"))
                .hasMessage("at most 100 ids in one request; got 101");
    }
}
