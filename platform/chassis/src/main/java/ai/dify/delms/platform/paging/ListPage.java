package ai.dify.delms.platform.paging;

import java.util.List;

import org.springframework.data.domain.Pageable;

/**
 * One page of a list read by {@link ListQueries}: its rows, where it is, how many rows match (exactly,
 * or at least, decision 40) and the cursor of the page after it.
 *
 * @param number             the page number: for a page read with a cursor, its rows' position
 *                           divided by the size
 * @param totalElementsExact false when {@code totalElements} is a lower bound
 * @param next               the cursor of the following page ({@code after}); null on the last page
 */
public record ListPage<T>(List<T> content, int number, int size, long totalElements, boolean totalElementsExact,
        String next) {

    /** No rows, counted exactly. */
    public static <T> ListPage<T> empty(Pageable pageable) {
        return new ListPage<>(List.of(), pageable.getPageNumber(), pageable.getPageSize(), 0, true, null);
    }
}
