package dev.ludus.cli;

import static dev.ludus.cli.Cli.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.cli.Cli.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExplainTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String GAME = resource("explain/game.json");
    private static final String LESSON = resource("explain/lesson.json");
    private static final String VETERAN_STATE = resource("explain/veteran.state.json");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    @Test
    void explain_whenNewPlayer_printsTheResultAndATraceForEveryCandidateRule() throws IOException {
        Outcome outcome = Cli.run("explain", "--game", GAME, "--event", LESSON);

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.stderr()).isEmpty();
        assertThat(MAPPER.readTree(outcome.stdout()))
                .isEqualTo(MAPPER.readTree(Files.readString(Path.of(resource("explain/lesson.expected.json")))));
    }

    @Test
    void explain_byteOrderMarksBeforeTheGameEventAndStateFiles_areIgnored() throws IOException {
        Path game = withBom(GAME);
        Path event = withBom(LESSON);
        Path state = withBom(VETERAN_STATE);

        Outcome plain = Cli.run("explain", "--game", GAME, "--event", LESSON, "--state", VETERAN_STATE);
        Outcome marked = Cli.run("explain", "--game", game.toString(), "--event", event.toString(), "--state",
                state.toString());
        Outcome fromStdin = Cli.runWithStdin("\uFEFF" + Files.readString(Path.of(LESSON)), "explain", "--game", GAME,
                "--event", "-", "--state", VETERAN_STATE);

        assertThat(plain.exit()).isZero();
        assertThat(marked.exit()).isZero();
        assertThat(marked.stdout()).isEqualTo(plain.stdout());
        assertThat(fromStdin.stdout()).isEqualTo(plain.stdout());
    }

    private Path withBom(String file) throws IOException {
        Path copy = dir.resolve(Path.of(file).getFileName());
        Files.writeString(copy, "\uFEFF" + Files.readString(Path.of(file)), StandardCharsets.UTF_8);
        return copy;
    }

    @Test
    void explain_printsOnePrettyPrintedJsonDocument() {
        Outcome outcome = Cli.run("explain", "--game", GAME, "--event", LESSON);

        assertThat(outcome.stdout()).startsWith("{\n  \"result\": {\n    \"eventId\": \"ex-1\",\n").endsWith("\n}\n");
    }

    @Test
    void explain_whenNewPlayer_reportsEachOutcomeWithItsReason() {
        JsonNode rules = explain("--game", GAME, "--event", LESSON).get("rules");

        assertThat(rules.values()).extracting(r -> r.get("ruleId").stringValue() + " "
                        + r.get("eventType").stringValue() + " " + r.get("outcome").stringValue()
                        + (r.has("reason") ? ": " + r.get("reason").stringValue() : ""))
                .containsExactly(
                        "lesson-reward lesson_completed fired",
                        "perfect-score lesson_completed conditions_false",
                        "veteran-bonus lesson_completed conditions_false",
                        "premium-lesson lesson_completed failed: INSUFFICIENT_FUNDS: balance of 'coins' is 25, "
                                + "cannot deduct 100",
                        "beta-tester lesson_completed inactive: status draft (drafts not included)",
                        "spring-event lesson_completed inactive: outside its active window "
                                + "[2026-03-01T00:00:00Z, 2026-04-01T00:00:00Z)",
                        "attendance lesson_completed fired",
                        "legacy-bonus lesson_completed skipped: an earlier rule with stopProcessing fired",
                        "first-level-up level_up fired",
                        "first-level-up level_up suppressed: max_per_player");
    }

    @Test
    void explain_showsEachConditionsActualAndExpectedValues() {
        JsonNode rules = explain("--game", GAME, "--event", LESSON).get("rules");

        assertThat(rules.get(1).get("conditions")).isEqualTo(MAPPER.valueToTree(List.of(Map.of(
                "type", "property_eq", "pointer", "/rules/1/conditions/0", "result", false, "actual", 95,
                "expected", Map.of("property", "score", "value", 100)))));
        assertThat(rules.get(2).get("conditions")).isEqualTo(MAPPER.valueToTree(List.of(Map.of(
                "type", "player_level_gte", "pointer", "/rules/2/conditions/0", "result", false, "actual", 1,
                "expected", Map.of("value", 5)))));
    }

    @Test
    void explain_whenStateSeedsThePlayer_conditionsSeeItsLevelAndActionsItsBalance() {
        JsonNode explanation = explain("--game", GAME, "--event", LESSON, "--state", VETERAN_STATE);

        JsonNode veteran = explanation.get("rules").get(2);
        assertThat(veteran.get("outcome").stringValue()).isEqualTo("fired");
        assertThat(veteran.get("conditions").get(0).get("actual").asLong()).isEqualTo(5);
        assertThat(veteran.get("conditions").get(0).get("result").asBoolean()).isTrue();
        JsonNode premium = explanation.get("rules").get(3);
        assertThat(premium.get("outcome").stringValue()).isEqualTo("fired");
        assertThat(premium.get("updates")).isEqualTo(MAPPER.valueToTree(List.of(Map.of(
                "type", "currency_updated", "currency", "coins", "balance", 175, "delta", -100))));
        assertThat(explanation.get("result").get("updates").get(0)).isEqualTo(MAPPER.valueToTree(Map.of(
                "type", "xp_updated", "xp", 1300, "delta", 300, "level", 5)));
        assertThat(explanation.get("result").get("rulesFailed").isEmpty()).isTrue();
    }

    @Test
    void explain_whenStateIsOnePlayerStateObject_seedsThatPlayer() throws IOException {
        Path state = Files.writeString(dir.resolve("ana.json"),
                "{\"externalUserId\": \"ana\", \"xp\": 1000, \"level\": 5, \"currencies\": {\"coins\": 200}}");

        JsonNode rules = explain("--game", GAME, "--event", LESSON, "--state", state.toString()).get("rules");

        assertThat(rules.get(2).get("outcome").stringValue()).isEqualTo("fired");
        assertThat(rules.get(3).get("outcome").stringValue()).isEqualTo("fired");
    }

    @Test
    void explain_whenStateHoldsOnlyOtherPlayers_explainsANewPlayer() throws IOException {
        Path state = Files.writeString(dir.resolve("bo.json"), "{\"players\": [{\"externalUserId\": \"bo\", "
                + "\"xp\": 1000, \"level\": 5}]}");

        Outcome outcome = Cli.run("explain", "--game", GAME, "--event", LESSON, "--state", state.toString());

        assertThat(MAPPER.readTree(outcome.stdout()))
                .isEqualTo(MAPPER.readTree(Cli.run("explain", "--game", GAME, "--event", LESSON).stdout()));
    }

    @Test
    void explain_whenDraftsAsked_runsDraftRules() {
        JsonNode withoutDrafts = explain("--game", GAME, "--event", LESSON).get("rules").get(4);
        JsonNode withDrafts = explain("--game", GAME, "--event", LESSON, "--drafts").get("rules").get(4);

        assertThat(withoutDrafts.get("outcome").stringValue()).isEqualTo("inactive");
        assertThat(withDrafts.get("ruleId").stringValue()).isEqualTo("beta-tester");
        assertThat(withDrafts.get("outcome").stringValue()).isEqualTo("fired");
        assertThat(withDrafts.has("reason")).isFalse();
        assertThat(withDrafts.get("updates")).isEqualTo(MAPPER.valueToTree(List.of(Map.of(
                "type", "badge_earned", "badgeId", "beta-tester"))));
    }

    @Test
    void explain_whenClockGiven_usesItForAnEventWithoutTimestamp() throws IOException {
        Path event = Files.writeString(dir.resolve("untimed.json"),
                "{\"externalUserId\": \"ana\", \"eventType\": \"lesson_completed\", \"properties\": {\"score\": 50}}");

        JsonNode inSpring = explain("--game", GAME, "--event", event.toString(), "--clock", "2026-03-15T12:00:00Z");
        JsonNode inAutumn = explain("--game", GAME, "--event", event.toString(), "--clock=2026-10-15T12:00:00Z");

        assertThat(inSpring.get("rules").get(5).get("outcome").stringValue()).isEqualTo("fired");
        assertThat(inAutumn.get("rules").get(5).get("outcome").stringValue()).isEqualTo("inactive");
    }

    @Test
    void explain_whenEventIsDash_readsTheEventFromStdin() throws IOException {
        Outcome outcome = Cli.runWithStdin(Files.readString(Path.of(LESSON)), "explain", "--game", GAME,
                "--event", "-");

        assertThat(outcome.exit()).isZero();
        assertThat(MAPPER.readTree(outcome.stdout()))
                .isEqualTo(MAPPER.readTree(Cli.run("explain", "--game", GAME, "--event", LESSON).stdout()));
    }

    @Test
    void explain_whenEventIsNotJson_printsARejectedExplanationAndExits0() throws IOException {
        Path event = Files.writeString(dir.resolve("broken.json"), "{\"externalUserId\": \"ana\",\n  oops}");

        Outcome outcome = Cli.run("explain", "--game", GAME, "--event", event.toString());

        assertThat(outcome.exit()).isZero();
        JsonNode explanation = MAPPER.readTree(outcome.stdout());
        assertThat(explanation.get("rules").isEmpty()).isTrue();
        JsonNode result = explanation.get("result");
        assertThat(result.get("status").stringValue()).isEqualTo("rejected");
        assertThat(result.get("eventId").stringValue()).matches(UUID_PATTERN);
        assertThat(result.get("ruleSetVersion").stringValue()).isEqualTo("2026-11-21.1");
        assertThat(result.get("error").get("code").stringValue()).isEqualTo("INVALID_JSON");
        assertThat(result.get("error").get("message").stringValue())
                .isEqualTo("not valid JSON at line 2, column 3: Unexpected character ('o' (code 111)): was expecting "
                        + "double-quote to start property name");
    }

    @Test
    void explain_whenEventHasWrongShape_printsARejectedExplanationWithTheIdsItCouldRead() throws IOException {
        Path event = Files.writeString(dir.resolve("typo.json"), """
                {"eventId": "ex-2", "customerId": "ana", "eventName": "lesson_completed", "propertys": {"score": 95}}
                """);

        JsonNode result = explain("--game", GAME, "--event", event.toString()).get("result");

        assertThat(result.get("status").stringValue()).isEqualTo("rejected");
        assertThat(result.get("eventId").stringValue()).isEqualTo("ex-2");
        assertThat(result.get("externalUserId").stringValue()).isEqualTo("ana");
        assertThat(result.get("eventType").stringValue()).isEqualTo("lesson_completed");
        assertThat(result.get("rulesTriggered").isEmpty()).isTrue();
        assertThat(result.get("error")).isEqualTo(MAPPER.valueToTree(Map.of("code", "INVALID_EVENT",
                "message", "unknown field 'propertys'; known: customerId, email, eventId, eventName, eventType, "
                        + "externalUserId, idempotencyKey, metadata, mobile, player, properties, timestamp")));
    }

    @Test
    void explain_whenEngineRejectsTheEvent_printsItsRejectionAndExits0() throws IOException {
        Path event = Files.writeString(dir.resolve("blank.json"),
                "{\"eventId\": \"ex-3\", \"externalUserId\": \" \", \"eventType\": \"lesson_completed\"}");

        Outcome outcome = Cli.run("explain", "--game", GAME, "--event", event.toString());

        assertThat(outcome.exit()).isZero();
        JsonNode explanation = MAPPER.readTree(outcome.stdout());
        assertThat(explanation.get("rules").isEmpty()).isTrue();
        assertThat(explanation.get("result").get("status").stringValue()).isEqualTo("rejected");
        assertThat(explanation.get("result").get("error").get("code").stringValue()).isEqualTo("INVALID_EVENT");
        assertThat(explanation.get("result").get("error").get("message").stringValue()).contains("externalUserId");
    }

    @Test
    void explain_whenGameIsInvalid_printsTheSameErrorLinesAsValidateAndExits1() {
        Outcome outcome = Cli.run("explain", "--game", resource("games/invalid.json"), "--event", LESSON);

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderrLines()).isNotEmpty()
                .isEqualTo(Cli.run("validate", resource("games/invalid.json")).stderrLines());
    }

    @Test
    void explain_whenGameFileIsMissing_exits1NamingIt() {
        Path missing = dir.resolve("missing-game.json");

        assertThat(Cli.run("explain", "--game", missing.toString(), "--event", LESSON))
                .isEqualTo(new Outcome(1, "", "ludus: cannot read game file " + missing + ": no such file\n"));
    }

    @Test
    void explain_whenEventFileIsMissing_exits1NamingIt() {
        Path missing = dir.resolve("missing-event.json");

        assertThat(Cli.run("explain", "--game", GAME, "--event", missing.toString()))
                .isEqualTo(new Outcome(1, "", "ludus: cannot read event file " + missing + ": no such file\n"));
    }

    @Test
    void explain_whenEventFileIsNotUtf8_exits1NamingTheProblem() throws IOException {
        Path event = Files.write(dir.resolve("latin1.json"), "{\"externalUserId\": \"jos\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(Cli.run("explain", "--game", GAME, "--event", event.toString()))
                .isEqualTo(new Outcome(1, "", "ludus: cannot read event file " + event + ": not UTF-8 text\n"));
    }

    @Test
    void explain_whenStdinIsNotUtf8_exits1NamingTheProblem() {
        Outcome outcome = Cli.run(new ByteArrayInputStream(new byte[] {'{', (byte) 0xE9, '}'}), 0,
                "explain", "--game", GAME, "--event", "-");

        assertThat(outcome).isEqualTo(new Outcome(1, "", "ludus: cannot read event from stdin: not UTF-8 text\n"));
    }

    @Test
    void explain_whenStateFileIsMissing_exits1NamingIt() {
        Path missing = dir.resolve("missing-state.json");

        assertThat(Cli.run("explain", "--game", GAME, "--event", LESSON, "--state", missing.toString()))
                .isEqualTo(new Outcome(1, "", "ludus: cannot read state file " + missing + ": no such file\n"));
    }

    @Test
    void explain_whenStateFileHasWrongShape_exits1NamingTheField() throws IOException {
        Path state = Files.writeString(dir.resolve("bad-level.json"),
                "{\"players\": [{\"externalUserId\": \"ana\", \"level\": 0}]}");

        assertThat(Cli.run("explain", "--game", GAME, "--event", LESSON, "--state", state.toString()))
                .isEqualTo(new Outcome(1, "", "ludus: invalid state file " + state
                        + ": players[0].level must be a whole number from 1 to 2147483647, found number 0\n"));
    }

    @Test
    void explain_whenStateFileIsNotJson_exits1WithTheJsonError() throws IOException {
        Path state = Files.writeString(dir.resolve("broken-state.json"), "{\"players\": [");

        Outcome outcome = Cli.run("explain", "--game", GAME, "--event", LESSON, "--state", state.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr())
                .startsWith("ludus: invalid state file " + state + ": not valid JSON at column 14: ");
    }

    @Test
    void explain_whenStdoutFails_exits1NamingTheProblem() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        int exit = Main.run(new String[] {"explain", "--game", GAME, "--event", LESSON},
                new ByteArrayInputStream(new byte[0]), closed, stderr, 0);

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .isEqualTo("ludus: cannot write the explanation: Broken pipe\n");
    }

    @Test
    void explain_whenHelpAsked_printsUsageAndExits0() {
        assertThat(Cli.run("explain", "--game", GAME, "--help")).isEqualTo(new Outcome(0, CommandLine.USAGE, ""));
    }

    /** Runs {@code ludus explain} with these options, expecting exit 0, and parses what it printed. */
    private static JsonNode explain(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "explain";
        System.arraycopy(options, 0, args, 1, options.length);
        Outcome outcome = Cli.run(args);
        assertThat(outcome.exit()).as("exit code; stderr: %s", outcome.stderr()).isZero();
        return MAPPER.readTree(outcome.stdout());
    }
}
