package ai.dify.delms.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components the launcher runs, read from its table {@code infra/launcher/components.txt}: the
 * one place their ports and health checks are written, so the tests look where the launcher puts
 * things.
 */
public final class Components {

    /** Where the table lives, relative to the repository root. */
    public static final String TABLE = "infra/launcher/components.txt";

    /**
     * One line of the table.
     *
     * @param probePort where the health endpoint listens (the port itself unless the table names another)
     * @param probe     an HTTP path on the probe port, or the name of a non-HTTP check (tcp, mariadb-ping, ...)
     */
    public record Component(String name, String kind, int port, int probePort, String probe) {

        /** The path of its HTTP health endpoint. */
        public String healthPath() {
            if (!probe.startsWith("/")) {
                throw new IllegalStateException(name + " has no HTTP health endpoint (its check: " + probe + ")");
            }
            return probe;
        }
    }

    private static final int COLUMNS = 7;

    private final Map<String, Component> byName;

    private Components(Map<String, Component> byName) {
        this.byName = byName;
    }

    public static Components read(Path table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's component table " + table, e);
        }
        Map<String, Component> byName = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\s+");
            if (columns.length != COLUMNS) {
                throw new IllegalStateException(table + ", line " + (i + 1) + ": " + COLUMNS + " columns expected, found " + columns.length);
            }
            int port = number(columns[2], table, i);
            int probePort = columns[3].equals("-") ? port : number(columns[3], table, i);
            byName.put(columns[0], new Component(columns[0], columns[1], port, probePort, columns[4]));
        }
        return new Components(byName);
    }

    private static int number(String column, Path table, int index) {
        try {
            return Integer.parseInt(column);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(table + ", line " + (index + 1) + ": '" + column + "' is not a port", e);
        }
    }

    public Component get(String name) {
        Component component = byName.get(name);
        if (component == null) {
            throw new IllegalArgumentException("no component '" + name + "' in the launcher's table; it has " + byName.keySet());
        }
        return component;
    }

    /** The names of one kind (infra, platform, service, gateway), in the table's order. */
    public List<String> ofKind(String kind) {
        return byName.values().stream().filter(c -> c.kind().equals(kind)).map(Component::name).toList();
    }
}
