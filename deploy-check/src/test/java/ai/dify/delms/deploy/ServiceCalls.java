package ai.dify.delms.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.dify.delms.deploy.Components.Component;

/**
 * Which service calls which, read from the code: a reference looked up at its owner
 * ({@code new OwnedResource("owner", ...)}, decision 17), a call through the load balancer
 * ({@code http://<service>}), and the chassis's sales directory where config/ enables it (it looks up
 * sales reps and resellers at sales-service). The NetworkPolicies must let exactly these through.
 */
final class ServiceCalls {

    private static final Pattern OWNED_RESOURCE = Pattern.compile("new OwnedResource\\(\"([a-z-]+)\"");
    private static final Pattern LOAD_BALANCED = Pattern.compile("\"?[:{]?http://([a-z]+-service)[}\"/]");

    private ServiceCalls() {
    }

    /** For each service, the services that call it. */
    static Map<String, Set<String>> callersByService(Components table) {
        Map<String, Set<String>> callers = new TreeMap<>();
        for (Component service : table.ofKind("service")) {
            callers.put(service.name(), new TreeSet<>());
        }
        for (Component caller : table.ofKind("service")) {
            String code = sourceOf(caller.name());
            for (Pattern pattern : new Pattern[] {OWNED_RESOURCE, LOAD_BALANCED}) {
                Matcher m = pattern.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(caller.name()) && callers.containsKey(m.group(1))) {
                        callers.get(m.group(1)).add(caller.name());
                    }
                }
            }
            Path config = Repository.path("config/" + caller.name() + ".yml");
            if (Files.isRegularFile(config) && Yaml.documents(Repository.read(config)).get(0)
                    .path("delms").path("directory").path("sales").path("enabled").asBoolean(false)) {
                callers.get("sales-service").add(caller.name());
            }
        }
        return callers;
    }

    private static String sourceOf(String module) {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repository.path(module + "/src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Repository.read(file)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return code.toString();
    }
}
