package ai.dify.delms.platform.secrets;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link SecretsCheck}: the application would run with demo or missing credentials. */
public class DemoSecretsException extends IllegalStateException {

    private final List<String> problems;

    DemoSecretsException(List<String> problems) {
        super("Demo or missing credentials outside the local profile: " + String.join("; ", problems));
        this.problems = problems;
    }

    /** One line per credential: the property, what is wrong, the environment variable to set. */
    public List<String> problems() {
        return problems;
    }

    String describe() {
        return problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
    }
}
