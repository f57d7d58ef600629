package dev.ludus.cli;

import static dev.ludus.cli.Cli.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.cli.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateTest {

    @TempDir
    Path dir;

    @Test
    void validate_whenGameIsValid_printsOneLineSummaryAndExits0() {
        Outcome outcome = Cli.run("validate", resource("games/learning.json"));

        assertThat(outcome).isEqualTo(new Outcome(0,
                "OK learning-app version 2026-11-21.1: 2 rules, 1 currency, 1 badge, 1 quest\n", ""));
    }

    @Test
    void validate_whenGameHasNoId_namesTheFileInTheSummary() throws IOException {
        Path game = Files.writeString(dir.resolve("bare.json"), """
                {"version": "v1", "currencies": [{"id": "coins", "name": "Coins"}, {"id": "gems", "name": "Gems"}],
                 "rules": [
                   {"name": "A", "trigger": {"eventType": "x"}, "actions": [{"type": "grant_xp", "amount": 1}]},
                   {"name": "B", "trigger": {"eventType": "x"}, "actions": [{"type": "grant_xp", "amount": 2}]}]}
                """);

        assertThat(Cli.run("validate", game.toString()).stdout())
                .isEqualTo("OK bare.json version v1: 2 rules, 2 currencies, 0 badges, 0 quests\n");
    }

    @Test
    void validate_whenGameIsInvalid_printsOneErrorLinePerProblemAndExits1() {
        Outcome outcome = Cli.run("validate", resource("games/invalid.json"));

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        // The engine's wording and list of known actions evolve; the line format and what each line names do not.
        assertThat(outcome.stderrLines())
                .allSatisfy(line -> assertThat(line).matches("ERROR /\\S* (rule \\S+ )?[A-Z_]+: .+"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("ERROR /rules/0/actions/0/type rule bad INVALID_RULE: unknown action type "
                                + "'grant_gold'; known: award_badge, ")
                        .contains(" grant_xp,"))
                .contains("ERROR /rules/2/id rule dup INVALID_RULE: duplicate rule id 'dup' (also /rules/1)");
    }

    @Test
    void validate_whenGameIsNotJson_printsTheJsonErrorAndExits1() throws IOException {
        Path game = Files.writeString(dir.resolve("broken.json"), "{\"rules\": [");

        Outcome outcome = Cli.run("validate", game.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stderrLines()).singleElement().asString()
                .startsWith("ERROR /rules INVALID_JSON: game file is not valid JSON at line 1, column 12: ");
    }

    @Test
    void validate_whenGameFileIsNotUtf8_exits1NamingTheProblem() throws IOException {
        Path game = Files.write(dir.resolve("latin1.json"), new byte[] {'[', (byte) 0xE9, ']'});

        assertThat(Cli.run("validate", game.toString()))
                .isEqualTo(new Outcome(1, "", "ludus: cannot read game file " + game + ": not UTF-8 text\n"));
    }

    @Test
    void validate_whenGameFileIsADirectory_exits1NamingIt() {
        Outcome outcome = Cli.run("validate", dir.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stderr()).startsWith("ludus: cannot read game file " + dir + ": ");
    }
}
