package dev.ludus.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the arguments of {@code ludus} into a {@link Command}. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar ludus.jar <command> [options]

            Commands:
              run --game GAME.json [--events FILE.jsonl|-] [--state-out FILE] [--clock INSTANT]
                  Track JSON Lines events (stdin when --events is absent or -) and print one
                  result line per event.
              explain --game GAME.json --event EVENT.json|- [--state STATE.json] [--clock INSTANT] [--drafts]
                  Dry-run one event (stdin when --event is -) against the players in --state and
                  print, as JSON, what each candidate rule would do and why. Changes nothing;
                  --drafts also runs draft and testing rules.
              validate GAME.json
                  Check a game definition and print a one-line summary.
              help
                  Print this text.

            Exit codes: 0 ran, 1 invalid game or state file or unreadable file, 2 usage error.
            """;

    private static final List<String> RUN_OPTIONS = List.of("--game", "--events", "--state-out", "--clock");
    private static final List<String> EXPLAIN_OPTIONS = List.of("--game", "--event", "--state", "--clock", "--drafts");
    /** Options that take no value: present or absent. */
    private static final Set<String> FLAGS = Set.of("--drafts");
    /** Marks, among parsed options, that help was asked for. */
    private static final String HELP = "--help";

    private CommandLine() {
    }

    /**
     * @throws UsageException naming what is missing, unknown or malformed
     */
    static Command parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "run" -> parseRun(rest);
            case "explain" -> parseExplain(rest);
            case "validate" -> parseValidate(rest);
            case "help", "--help", "-h" -> new HelpCommand();
            default -> throw new UsageException("unknown command '" + args[0]
                    + "'; known: run, explain, validate, help");
        };
    }

    private static Command parseRun(List<String> args) throws UsageException {
        Map<String, String> options = options("run", args, RUN_OPTIONS);
        if (options.containsKey(HELP)) {
            return new HelpCommand();
        }
        String game = required(options, "--game", "run needs --game GAME.json");
        String events = options.get("--events");
        String stateOut = options.get("--state-out");
        String clock = options.get("--clock");
        return new RunCommand(path("--game", game),
                events == null || events.equals("-") ? null : path("--events", events),
                stateOut == null ? null : path("--state-out", stateOut),
                clock == null ? null : instant(clock));
    }

    private static Command parseExplain(List<String> args) throws UsageException {
        Map<String, String> options = options("explain", args, EXPLAIN_OPTIONS);
        if (options.containsKey(HELP)) {
            return new HelpCommand();
        }
        String game = required(options, "--game", "explain needs --game GAME.json");
        String event = required(options, "--event", "explain needs --event EVENT.json (or --event - for stdin)");
        String state = options.get("--state");
        String clock = options.get("--clock");
        return new ExplainCommand(path("--game", game),
                event.equals("-") ? null : path("--event", event),
                state == null ? null : path("--state", state),
                clock == null ? null : instant(clock),
                options.containsKey("--drafts"));
    }

    /**
     * Reads {@code --name VALUE}, {@code --name=VALUE} and flags, each at most once, in any order.
     *
     * @return each option given with its value (empty for a flag); holds {@link #HELP} when help was asked for
     */
    private static Map<String, String> options(String command, List<String> args, List<String> known)
            throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (isHelp(arg)) {
                return Map.of(HELP, "");
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                throw new UsageException("unexpected argument '" + arg + "' for " + command);
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!known.contains(name)) {
                throw new UsageException("unknown option '" + name + "' for " + command + "; known: "
                        + String.join(", ", known));
            }
            String value;
            if (FLAGS.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    value = "";
                }
                if (value.isEmpty()) {
                    throw new UsageException(name + " needs a value");
                }
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException(name + " was given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name, String message) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException(message);
        }
        return value;
    }

    private static Command parseValidate(List<String> args) throws UsageException {
        String game = null;
        for (String arg : args) {
            if (isHelp(arg)) {
                return new HelpCommand();
            }
            if (arg.startsWith("-")) {
                throw new UsageException("unknown option '" + arg + "' for validate");
            }
            if (game != null) {
                throw new UsageException("unexpected argument '" + arg + "' for validate: it takes one game file");
            }
            game = arg;
        }
        if (game == null) {
            throw new UsageException("validate needs a game file: validate GAME.json");
        }
        return new ValidateCommand(path("game file", game));
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static Path path(String what, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(what + " is not a valid path: " + e.getMessage());
        }
    }

    private static Instant instant(String value) throws UsageException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--clock must be an ISO-8601 instant such as 2026-11-21T12:00:00Z, got '"
                    + value + "'");
        }
    }
}
