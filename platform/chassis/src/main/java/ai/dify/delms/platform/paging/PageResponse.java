package ai.dify.delms.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every list endpoint: {@code {"content": [...], "page": {"number", "size",
 * "totalElements", "totalPages", "totalElementsExact", "next"}}}. A list read with {@link ListQueries}
 * may give a bounded count and a cursor (decision 40); the others always count exactly and have no cursor.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    /** Where the page is within the whole result. */
    public record PageMetadata(
            @Schema(description = "The page number (from 0). For a page read with a cursor (after): the position "
                    + "of its first row divided by size.")
            int number,
            int size,
            @Schema(description = "How many rows match: exact when totalElementsExact is true; otherwise a lower "
                    + "bound (the service stops counting at its count limit, but never says fewer than the rows "
                    + "up to this page).")
            long totalElements,
            @Schema(description = "Pages of this size for totalElements (a lower bound too when totalElements is).")
            int totalPages,
            @Schema(description = "false when totalElements is a lower bound: more rows match than were counted.")
            boolean totalElementsExact,
            @Schema(description = "On lists that support cursors: the cursor of the following page, to send as "
                    + "after with the same filters and sort; null on the last page and on lists without cursors.",
                    nullable = true)
            String next) {

        static PageMetadata of(int number, int size, long totalElements, boolean exact, String next) {
            int totalPages = size == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (totalElements + size - 1) / size);
            return new PageMetadata(number, size, totalElements, totalPages, exact, next);
        }
    }

    /** Maps a page of entities to a page of DTOs; a Spring Data page is counted exactly. */
    public static <E, T> PageResponse<T> of(Page<E> page, Function<? super E, ? extends T> mapper) {
        List<T> content = page.getContent().stream().<T>map(mapper).toList();
        return new PageResponse<>(content, new PageMetadata(page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages(), true, null));
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return of(page, Function.identity());
    }

    /** Maps a page read by {@link ListQueries} to a page of DTOs. */
    public static <E, T> PageResponse<T> of(ListPage<E> page, Function<? super E, ? extends T> mapper) {
        List<T> content = page.content().stream().<T>map(mapper).toList();
        return new PageResponse<>(content, PageMetadata.of(page.number(), page.size(), page.totalElements(),
                page.totalElementsExact(), page.next()));
    }
}
