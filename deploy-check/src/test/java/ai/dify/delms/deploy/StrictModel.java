package ai.dify.delms.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds fields a typed model did not know. The fabric8 and Strimzi models keep unknown fields in an
 * {@code additionalProperties} map instead of failing, so a misspelt or misplaced field would be
 * accepted silently; this walks the whole object and reports every such map that is not empty.
 */
final class StrictModel {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model.", "io.strimzi.api.");

    private StrictModel() {
    }

    /** Paths and names of the unknown fields, empty when there are none. */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        String type = value.getClass().getName();
        if (MODEL_PACKAGES.stream().noneMatch(type::startsWith)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a derived value the model cannot compute, not a field
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
                }
                continue;
            }
            String name = getter.getName().substring(3);
            walk(child, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), found, seen);
        }
    }
}
