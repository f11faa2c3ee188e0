package io.mechanist.headless;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dispatches {@code ./mechanist <verb> [options]} to a {@link Command}. Exit codes: 0 success, 1 the work failed
 * (the message says why, naming the file or input at fault), 2 the command line is wrong.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        for (Command command : commands) {
            if (this.commands.put(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.name());
            }
        }
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
            if (rest.size() > 1 && commands.containsKey(rest.get(1))) {
                out.println(commands.get(rest.get(1)).usage());
                return OK;
            }
            out.println(overview());
            return OK;
        }
        String verb = rest.remove(0);
        Command command = commands.get(verb);
        if (command == null) {
            err.println("mechanist: unknown verb '" + verb + "'.");
            err.println(overview());
            return USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return OK;
        }
        boolean debug = rest.remove("--debug");
        Set<String> flags = new HashSet<>(command.flagOptions());
        flags.add("json");
        CommandLine line = null;
        try {
            line = CommandLine.parse(verb, rest, command.valueOptions(), flags, command.repeatableOptions());
            return command.run(line, new CliContext(out, err, line.flag("json")));
        } catch (UsageException e) {
            String message = FailureMessages.clean(e.getMessage());
            err.println("mechanist " + (message.startsWith(verb + ": ") ? message : verb + ": " + message));
            err.println(synopsis(command));
            err.println("Run 'mechanist " + verb + " --help' for every option.");
            return USAGE;
        } catch (Throwable e) {
            err.println("mechanist " + verb + ": error: " + FailureMessages.describe(e, line));
            if (debug) {
                e.printStackTrace(err);
            } else if (FailureMessages.isInternal(e)) {
                err.println("(an internal error: run with --debug for the stack trace and report it)");
            }
            return FAILED;
        } finally {
            err.flush();
        }
    }

    /** The Usage lines of a verb's help (up to the first blank line). */
    static String synopsis(Command command) {
        String usage = command.usage();
        int blank = usage.indexOf("\n\n");
        return blank < 0 ? usage : usage.substring(0, blank);
    }

    public String overview() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: mechanist <verb> [options]     (mechanist <verb> --help for a verb's options)\n");
        text.append("       mechanist                      opens the workbench\n\nVerbs:\n");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command command : commands.values()) {
            text.append(String.format("  %-" + width + "s  %s%n", command.name(), command.summary()));
        }
        text.append("\nEvery verb takes --json (results as JSON on standard output) and --debug (stack traces).");
        return text.toString();
    }
}
