package ai.dify.delms.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's component table, infra/launcher/components.txt: the one place the components, their
 * ports and their health checks are written. Compose and Kubernetes are held to it.
 */
final class Components {

    static final String TABLE = "infra/launcher/components.txt";

    /** One line: the probe is an HTTP path on probePort, or the name of another check (tcp, ...). */
    record Component(String name, String kind, int port, int probePort, String probe) {

        boolean isSpringApplication() {
            return kind.equals("platform") || kind.equals("service") || kind.equals("gateway");
        }

        /** Where the database of a service is: delms_license for license-service. */
        String databaseName() {
            return "delms_" + name.replace("-service", "");
        }

        /** The variable holding the database password of a service: DELMS_LICENSE_DB_PASSWORD. */
        String databasePasswordVariable() {
            return "DELMS_" + name.replace("-service", "").toUpperCase() + "_DB_PASSWORD";
        }
    }

    private final Map<String, Component> byName;

    private Components(Map<String, Component> byName) {
        this.byName = byName;
    }

    static Components read() {
        Map<String, Component> byName = new LinkedHashMap<>();
        String[] lines = Repository.read(TABLE).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\\s+");
            if (c.length != 7) {
                throw new IllegalStateException(TABLE + ", line " + (i + 1) + ": 7 columns expected");
            }
            int port = Integer.parseInt(c[2]);
            int probePort = c[3].equals("-") ? port : Integer.parseInt(c[3]);
            byName.put(c[0], new Component(c[0], c[1], port, probePort, c[4]));
        }
        return new Components(byName);
    }

    Component get(String name) {
        Component component = byName.get(name);
        if (component == null) {
            throw new IllegalArgumentException(name + " is not in " + TABLE);
        }
        return component;
    }

    List<Component> all() {
        return new ArrayList<>(byName.values());
    }

    List<Component> ofKind(String kind) {
        return byName.values().stream().filter(c -> c.kind().equals(kind)).toList();
    }

    List<Component> springApplications() {
        return byName.values().stream().filter(Component::isSpringApplication).toList();
    }
}
