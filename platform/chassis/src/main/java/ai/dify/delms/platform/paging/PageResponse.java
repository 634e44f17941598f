package ai.dify.delms.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * The body of every list endpoint: {@code {"content": [...], "page": {"number", "size",
 * "totalElements", "totalPages"}}}.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    /** Where the page is within the whole result. */
    public record PageMetadata(int number, int size, long totalElements, int totalPages) {
    }

    /** Maps a page of entities to a page of DTOs. */
    public static <E, T> PageResponse<T> of(Page<E> page, Function<? super E, ? extends T> mapper) {
        List<T> content = page.getContent().stream().<T>map(mapper).toList();
        return new PageResponse<>(content,
                new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return of(page, Function.identity());
    }
}
