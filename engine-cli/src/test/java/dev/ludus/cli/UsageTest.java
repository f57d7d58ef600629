package dev.ludus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.cli.Cli.Outcome;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsageTest {

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {}, "no command given"),
                Arguments.of(new String[] {"play"}, "unknown command 'play'; known: run, explain, validate, help"),
                Arguments.of(new String[] {"run"}, "run needs --game GAME.json"),
                Arguments.of(new String[] {"run", "--events", "e.jsonl"}, "run needs --game GAME.json"),
                Arguments.of(new String[] {"run", "--game"}, "--game needs a value"),
                Arguments.of(new String[] {"run", "--game="}, "--game needs a value"),
                Arguments.of(new String[] {"run", "--game", "--events", "e.jsonl"}, "--game needs a value"),
                Arguments.of(new String[] {"run", "--game", "g.json", "--state-out"}, "--state-out needs a value"),
                Arguments.of(new String[] {"run", "--game", "a.json", "--game", "b.json"}, "--game was given twice"),
                Arguments.of(new String[] {"run", "--game", "g.json", "--verbose"},
                        "unknown option '--verbose' for run; known: --game, --events, --state-out, --clock"),
                Arguments.of(new String[] {"run", "--game", "g.json", "-v"}, "unknown option '-v' for run"),
                Arguments.of(new String[] {"run", "--game", "g.json", "events.jsonl"},
                        "unexpected argument 'events.jsonl' for run"),
                Arguments.of(new String[] {"run", "--game", "g.json", "--clock", "tomorrow"},
                        "--clock must be an ISO-8601 instant such as 2026-11-21T12:00:00Z, got 'tomorrow'"),
                Arguments.of(new String[] {"run", "--game", "g\0.json"}, "--game is not a valid path: "),
                Arguments.of(new String[] {"run", "--game", "g.json", "-"}, "unexpected argument '-' for run"),
                Arguments.of(new String[] {"run", "--game", "g.json", "--drafts"},
                        "unknown option '--drafts' for run; known: --game, --events, --state-out, --clock"),
                Arguments.of(new String[] {"explain"}, "explain needs --game GAME.json"),
                Arguments.of(new String[] {"explain", "--event", "e.json"}, "explain needs --game GAME.json"),
                Arguments.of(new String[] {"explain", "--game", "g.json"},
                        "explain needs --event EVENT.json (or --event - for stdin)"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event"}, "--event needs a value"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--state="},
                        "--state needs a value"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "a.json", "--event", "b.json"},
                        "--event was given twice"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--drafts", "--drafts"},
                        "--drafts was given twice"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--drafts=yes"},
                        "--drafts takes no value"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--drafts", "yes"},
                        "unexpected argument 'yes' for explain"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--events", "e.jsonl"},
                        "unknown option '--events' for explain; known: --game, --event, --state, --clock, --drafts"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--state-out", "s.json"},
                        "unknown option '--state-out' for explain"),
                Arguments.of(new String[] {"explain", "g.json", "e.json"}, "unexpected argument 'g.json' for explain"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--clock", "now"},
                        "--clock must be an ISO-8601 instant such as 2026-11-21T12:00:00Z, got 'now'"),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e\0.json"},
                        "--event is not a valid path: "),
                Arguments.of(new String[] {"explain", "--game", "g.json", "--event", "e.json", "--state", "s\0.json"},
                        "--state is not a valid path: "),
                Arguments.of(new String[] {"validate"}, "validate needs a game file: validate GAME.json"),
                Arguments.of(new String[] {"validate", "a.json", "b.json"},
                        "unexpected argument 'b.json' for validate: it takes one game file"),
                Arguments.of(new String[] {"validate", "--strict", "a.json"},
                        "unknown option '--strict' for validate"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void main_whenUsageIsWrong_printsWhyAndUsageAndExits2(String[] args, String message) {
        Outcome outcome = Cli.run(args);

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderrLines().get(0)).startsWith("ludus: " + message);
        assertThat(outcome.stderr()).endsWith(CommandLine.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void main_whenHelpAsked_printsUsageOnStdoutAndExits0(String help) {
        Outcome outcome = Cli.run(help);

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.stdout()).isEqualTo(CommandLine.USAGE);
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void main_whenHelpAskedAfterACommand_printsUsageAndExits0() {
        assertThat(Cli.run("run", "--game", "g.json", "--help")).isEqualTo(new Outcome(0, CommandLine.USAGE, ""));
        assertThat(Cli.run("validate", "-h")).isEqualTo(new Outcome(0, CommandLine.USAGE, ""));
        assertThat(Cli.run("explain", "-h")).isEqualTo(new Outcome(0, CommandLine.USAGE, ""));
    }

    @Test
    void usage_namesEveryCommandAndFlag() {
        assertThat(CommandLine.USAGE).contains("run --game GAME.json [--events FILE.jsonl|-] [--state-out FILE] "
                + "[--clock INSTANT]", "explain --game GAME.json --event EVENT.json|- [--state STATE.json] "
                + "[--clock INSTANT] [--drafts]", "validate GAME.json", "help", "Exit codes: 0 ran, 1 invalid game "
                + "or state file or unreadable file, 2 usage error.");
    }
}
