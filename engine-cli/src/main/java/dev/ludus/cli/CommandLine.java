package dev.ludus.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the arguments of {@code ludus} into a {@link Command}. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar ludus.jar <command> [options]

            Commands:
              run --game GAME.json [--events FILE.jsonl|-] [--state-out FILE] [--clock INSTANT]
                  Track JSON Lines events (stdin when --events is absent or -) and print one
                  result line per event.
              validate GAME.json
                  Check a game definition and print a one-line summary.
              help
                  Print this text.

            Exit codes: 0 ran, 1 invalid game or unreadable file, 2 usage error.
            """;

    private static final List<String> RUN_OPTIONS = List.of("--game", "--events", "--state-out", "--clock");

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
            case "validate" -> parseValidate(rest);
            case "help", "--help", "-h" -> new HelpCommand();
            case "explain" -> throw new UsageException("explain is not yet supported by this version of ludus");
            default -> throw new UsageException("unknown command '" + args[0] + "'; known: run, validate, help");
        };
    }

    private static Command parseRun(List<String> args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (isHelp(arg)) {
                return new HelpCommand();
            }
            if (!arg.startsWith("-")) {
                throw new UsageException("unexpected argument '" + arg + "' for run");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!RUN_OPTIONS.contains(name)) {
                throw new UsageException("unknown option '" + name + "' for run; known: "
                        + String.join(", ", RUN_OPTIONS));
            }
            String value;
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
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException(name + " was given twice");
            }
        }
        String game = options.get("--game");
        if (game == null) {
            throw new UsageException("run needs --game GAME.json");
        }
        String events = options.get("--events");
        String stateOut = options.get("--state-out");
        String clock = options.get("--clock");
        return new RunCommand(path("--game", game),
                events == null || events.equals("-") ? null : path("--events", events),
                stateOut == null ? null : path("--state-out", stateOut),
                clock == null ? null : instant(clock));
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
