package ai.dify.delms.platform.paging;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * The optional repeatable {@code id} parameter of a staff list ({@code ?id=a&id=b}): only the rows
 * with those ids, so a page that names twenty records of another resource fetches them in one
 * request. At most {@value #MAX_IDS}, else a 400 naming {@code id}; a value that is not a UUID is a
 * 400 like any other parameter of the wrong type. Absent (or only empty values): no id filter.
 */
public final class IdsParameter {

    public static final String NAME = "id";
    public static final int MAX_IDS = 100;

    /** For the list endpoints' {@code @Parameter}: the same words in every OpenAPI document. */
    public static final String DESCRIPTION = "Only these ids (repeat the parameter: ?id=a&id=b; at most "
            + MAX_IDS + "). Combines with the other filters (AND); ids that do not exist are left out.";

    private IdsParameter() {
    }

    /** The distinct ids asked for, or {@code null} for no id filter; a 400 beyond {@value #MAX_IDS}. */
    public static Set<UUID> check(Collection<UUID> ids) {
        if (ids == null) {
            return null;
        }
        List<UUID> given = ids.stream().filter(Objects::nonNull).toList();
        if (given.size() > MAX_IDS) {
            throw new BadFieldException(NAME, "at most " + MAX_IDS + " ids in one request; got " + given.size());
        }
        return given.isEmpty() ? null : new LinkedHashSet<>(given);
    }
}
