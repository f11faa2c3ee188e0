package io.mechanist.headless;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one verb: {@code --name value} options, {@code --flag} switches and positional arguments.
 * A verb declares what it accepts; anything else is a {@link UsageException} naming the offending argument.
 */
public final class CommandLine {

    private final String verb;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> repeated = new LinkedHashMap<>();

    private CommandLine(String verb) {
        this.verb = verb;
    }

    /**
     * @param valueOptions names (without {@code --}) that take a value
     * @param flagOptions names that take none
     */
    public static CommandLine parse(String verb, List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        return parse(verb, args, valueOptions, flagOptions, Set.of());
    }

    /** @param repeatable value options that may be given more than once (see {@link #all}) */
    public static CommandLine parse(String verb, List<String> args, Set<String> valueOptions, Set<String> flagOptions,
            Set<String> repeatable) throws UsageException {
        CommandLine line = new CommandLine(verb);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String inlineValue = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    inlineValue = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (flagOptions.contains(name)) {
                    if (inlineValue != null) {
                        throw new UsageException(verb + ": --" + name + " takes no value");
                    }
                    line.flags.add(name);
                } else if (valueOptions.contains(name)) {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(verb + ": --" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (repeatable.contains(name)) {
                        line.repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                        line.options.putIfAbsent(name, value);
                    } else if (line.options.put(name, value) != null) {
                        throw new UsageException(verb + ": --" + name + " is given twice");
                    }
                } else {
                    throw new UsageException(verb + ": unknown option --" + name);
                }
            } else {
                line.positional.add(arg);
            }
        }
        return line;
    }

    public String verb() {
        return verb;
    }

    /** Every value of a repeatable option, in command-line order; empty if not given. */
    public List<String> all(String name) {
        return List.copyOf(repeated.getOrDefault(name, List.of()));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException(verb + ": --" + name + " is required");
        }
        return value;
    }

    public Path path(String name, Path fallback) {
        String value = options.get(name);
        return value == null ? fallback : Path.of(value);
    }

    public int integer(String name, int fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(verb + ": --" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** A whole number of at least {@code min}. */
    public int integer(String name, int fallback, int min) throws UsageException {
        int value = integer(name, fallback);
        if (value < min) {
            throw new UsageException(verb + ": --" + name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    public double number(String name, double fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(verb + ": --" + name + " must be a number, not '" + value + "'");
        }
    }

    /** Comma-separated whole numbers and ranges, e.g. {@code 0,2,4-7}. */
    public List<Integer> integers(String name, List<Integer> fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        List<Integer> result = new ArrayList<>();
        try {
            for (String part : value.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    if (to < from) {
                        throw new UsageException(verb + ": --" + name + " has an empty range '" + p + "'");
                    }
                    for (int k = from; k <= to; k++) {
                        result.add(k);
                    }
                } else if (!p.isEmpty()) {
                    result.add(Integer.parseInt(p));
                }
            }
        } catch (NumberFormatException e) {
            throw new UsageException(verb + ": --" + name + " must be numbers and ranges like 0,2,4-7, not '"
                    + value + "'");
        }
        return result;
    }

    /** Comma-separated numbers, e.g. {@code -2,-1,0,1,2}. */
    public List<Double> numbers(String name, List<Double> fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        List<Double> result = new ArrayList<>();
        try {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(Double.parseDouble(part.trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new UsageException(verb + ": --" + name + " must be comma-separated numbers, not '" + value + "'");
        }
        return result;
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Fails if more than {@code max} positional arguments were given. */
    public void atMostPositional(int max) throws UsageException {
        if (positional.size() > max) {
            throw new UsageException(verb + ": unexpected argument '" + positional.get(max) + "'");
        }
    }
}
