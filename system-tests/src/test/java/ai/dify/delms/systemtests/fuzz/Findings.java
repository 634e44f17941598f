package ai.dify.delms.systemtests.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every failure of a run, kept (not thrown) and grouped for the report: by what is wrong, then by
 * what was done to the request, each group with its count, the operations it hit and one request
 * to reproduce it.
 */
final class Findings {

    private final Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
    private int count;

    void add(String kind, FuzzCase fuzzCase, String what, String answerExcerpt) {
        count++;
        groups.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .computeIfAbsent(fuzzCase.family(), k -> new Group(fuzzCase, what, answerExcerpt))
                .hit(fuzzCase);
    }

    /** A finding about a document itself rather than an answer. */
    void addDocumentProblem(String problem) {
        count++;
        groups.computeIfAbsent("document is not valid OpenAPI", k -> new LinkedHashMap<>())
                .computeIfAbsent(problem, k -> new Group(null, problem, "")).count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    /** Counts per kind of failure, for the summary line. */
    Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        groups.forEach((kind, families) -> counts.put(kind, families.values().stream().mapToInt(g -> g.count).sum()));
        return counts;
    }

    String report(long seed) {
        StringBuilder text = new StringBuilder();
        text.append(count).append(" failures (seed ").append(seed).append("; again with -Ddelms.fuzz.seed=").append(seed).append(")\n");
        groups.forEach((kind, families) -> {
            int total = families.values().stream().mapToInt(g -> g.count).sum();
            text.append("\n## ").append(kind).append(": ").append(total).append('\n');
            families.forEach((family, group) -> {
                if (group.example == null) {
                    text.append("\n- ").append(family).append('\n');
                    return;
                }
                text.append("\n- ").append(family).append(": ").append(group.count).append(" on ")
                        .append(group.operations.size()).append(" operation(s): ")
                        .append(String.join(", ", group.operations.stream().limit(6).toList()))
                        .append(group.operations.size() > 6 ? ", ..." : "").append('\n');
                text.append("    e.g. ").append(group.example.operation()).append(" (").append(group.example.name()).append("): ")
                        .append(group.what).append('\n');
                text.append("    request: ").append(group.example.request().reproduction()).append('\n');
                text.append("    answer: ").append(group.answer).append('\n');
            });
        });
        return text.toString();
    }

    private static final class Group {

        final FuzzCase example;
        final String what;
        final String answer;
        final Set<String> operations = new LinkedHashSet<>();
        int count;

        Group(FuzzCase example, String what, String answer) {
            this.example = example;
            this.what = what;
            this.answer = answer;
        }

        void hit(FuzzCase fuzzCase) {
            count++;
            operations.add(fuzzCase.operation().toString());
        }
    }

    /** The kinds of failure with their families, for a compact summary. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        groups.forEach((kind, families) -> families.forEach((family, group) ->
                lines.add(kind + " | " + family + " | " + group.count)));
        return lines;
    }
}
