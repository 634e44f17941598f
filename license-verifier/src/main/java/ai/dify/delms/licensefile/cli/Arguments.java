package ai.dify.delms.licensefile.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's arguments: positionals, {@code --name value} options and {@code --flag}s, each given at most once. */
final class Arguments {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Arguments() {
    }

    /**
     * @param valued the options that take a value
     * @param flags  the options that take none
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positionals.add(arg);
            } else if (flags.contains(arg)) {
                if (!parsed.flags.add(arg)) {
                    throw new UsageException(arg + " is given twice");
                }
            } else if (valued.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                if (parsed.options.put(arg, args.get(++i)) != null) {
                    throw new UsageException(arg + " is given twice");
                }
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return parsed;
    }

    List<String> positionals() {
        return positionals;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    Optional<Instant> instant(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be an instant like 2026-12-07T10:15:30Z, not " + value);
        }
    }

    int nonNegativeInt(String name) throws UsageException {
        String value = required(name);
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number from 0, not " + value);
    }

    Optional<Long> positiveLong(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 1) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number from 1, not " + value);
    }
}
