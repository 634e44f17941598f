package ai.dify.delms.platform.paging;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

import ai.dify.delms.platform.problem.BadFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SortableFieldsTest {

    private final SortableFields sortable = SortableFields.of("name", "createdAt");

    @Test
    void listedPropertiesAndNoSortPass() {
        assertThatNoException().isThrownBy(() -> sortable.check(Sort.by("name").and(Sort.by(Sort.Direction.DESC, "createdAt"))));
        assertThatNoException().isThrownBy(() -> sortable.check(Sort.unsorted()));
    }

    @Test
    void anUnlistedPropertyIsABadSortFieldNamingWhatIsSortable() {
        BadFieldException refused = catchThrowableOfType(BadFieldException.class,
                () -> sortable.check(Sort.by("name").and(Sort.by("notes"))));

        assertThat(refused.field()).isEqualTo("sort");
        assertThat(refused.getMessage()).contains("'notes'", "createdAt, name");
    }
}
