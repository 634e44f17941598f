package ai.dify.delms.platform.problem;

import java.util.Map;

/**
 * A domain rule refuses the change given the current state (duplicate, still referenced, illegal
 * transition): 409. {@code properties} are added to the problem for clients to act on, e.g. the
 * current status and the allowed transitions.
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    public ConflictException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
