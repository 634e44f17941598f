package ai.dify.delms.systemtests.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The metric names the operators' side of the repository queries: the Prometheus alert rules
 * ({@value #RULES}) and the Grafana dashboard ({@value #DASHBOARD}).
 */
final class MonitoredMetrics {

    static final String RULES = "infra/monitoring/delms-alerts.yml";
    static final String DASHBOARD = "infra/monitoring/grafana/delms.json";

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private MonitoredMetrics() {
    }

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords or labels. */
    static Set<String> in(String promql) {
        String bare = STRING.matcher(promql).replaceAll(" ");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric the alert rules and the dashboard (its queries and its variables) use. */
    static Set<String> used(Path repository) {
        Set<String> names = new TreeSet<>();
        JsonNode rules = new YAMLMapper().readTree(read(repository.resolve(RULES)));
        rules.path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> names.addAll(in(rule.path("expr").asString()))));
        JsonNode dashboard = JsonMapper.builder().build().readTree(read(repository.resolve(DASHBOARD)));
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> names.addAll(in(target.path("expr").asString()))));
        dashboard.path("templating").path("list").forEach(variable -> {
            Matcher metric = LABEL_VALUES.matcher(variable.path("definition").asString(""));
            if (metric.find()) {
                names.add(metric.group(1));
            }
        });
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
