package ai.dify.delms.platform.paging;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.domain.Sort;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * The properties a list may be sorted by. Any other one in {@code sort} is a 400 naming the field
 * {@code sort}: a list sorted by an unindexed column is slow, and one sorted by a field the caller
 * may not see would reveal it.
 */
public final class SortableFields {

    private final Set<String> names;

    private SortableFields(Set<String> names) {
        this.names = new TreeSet<>(names);
    }

    public static SortableFields of(String... names) {
        return new SortableFields(Set.of(names));
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** Throws {@link BadFieldException} for the first property of {@code sort} that is not listed. */
    public void check(Sort sort) {
        sort.stream().map(Sort.Order::getProperty).forEach(this::check);
    }

    /** Throws {@link BadFieldException} naming {@code sort} and the listed properties unless this is one. */
    public void check(String property) {
        if (!names.contains(property)) {
            throw new BadFieldException(SortParameter.NAME, "cannot sort by '" + property + "'; sortable: "
                    + String.join(", ", names));
        }
    }

    /** The listed properties, in alphabetical order, for documents and messages. */
    public String describe() {
        return String.join(", ", names);
    }
}
