package dev.ludus.cli;

import static dev.ludus.cli.Cli.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.cli.Cli.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String GAME = resource("games/learning.json");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    @Test
    void run_whenEventsFileAndStateOut_printsOneResultPerEventAndWritesSortedPlayers() throws IOException {
        Path state = dir.resolve("state.json");

        Outcome outcome = Cli.run("run", "--game", GAME, "--events", resource("run/lessons.jsonl"),
                "--state-out", state.toString());

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.stderr()).isEmpty();
        assertThat(parseLines(outcome.stdout())).isEqualTo(parseLines(read(resource("run/lessons.expected.jsonl"))));
        assertThat(MAPPER.readTree(Files.readString(state)))
                .isEqualTo(MAPPER.readTree(read(resource("run/lessons.expected-state.json"))));
    }

    @Test
    void run_printsEachResultOnOneLine() {
        Outcome outcome = Cli.run("run", "--game", GAME, "--events", resource("run/lessons.jsonl"));

        assertThat(outcome.stdoutLines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"eventId\":"));
        assertThat(outcome.stdout()).endsWith("}\n");
    }

    @Test
    void run_whenEventsAbsentOrDash_readsStdin() throws IOException {
        String events = read(resource("run/lessons.jsonl"));
        List<JsonNode> expected = parseLines(read(resource("run/lessons.expected.jsonl")));

        assertThat(parseLines(Cli.runWithStdin(events, "run", "--game", GAME).stdout())).isEqualTo(expected);
        assertThat(parseLines(Cli.runWithStdin(events, "run", "--game", GAME, "--events", "-").stdout()))
                .isEqualTo(expected);
    }

    @Test
    void run_whenLineIsNotJson_rejectsWithLineNumberAndGoesOn() {
        List<JsonNode> results = parseLines(Cli.run("run", "--game", GAME, "--events", resource("run/mixed.jsonl"))
                .stdout());

        JsonNode rejected = results.get(1);
        assertThat(rejected.get("status").stringValue()).isEqualTo("rejected");
        assertThat(rejected.get("eventId").stringValue()).matches(UUID_PATTERN);
        assertThat(rejected.has("externalUserId")).isFalse();
        assertThat(rejected.get("ruleSetVersion").stringValue()).isEqualTo("2026-11-21.1");
        assertThat(rejected.get("error")).isEqualTo(MAPPER.valueToTree(Map.of("code", "INVALID_JSON",
                "message", "line 3: not valid JSON at column 1: Unrecognized token 'this': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')")));
        assertThat(results.get(4).get("eventId").stringValue()).isEqualTo("m2");
        assertThat(results.get(4).get("status").stringValue()).isEqualTo("processed");
    }

    @Test
    void run_whenBlankLines_skipsThemAndCountsThemInLineNumbers() {
        List<JsonNode> results = parseLines(Cli.run("run", "--game", GAME, "--events", resource("run/mixed.jsonl"))
                .stdout());

        assertThat(results).hasSize(6);
        assertThat(results.get(0).get("eventId").stringValue()).isEqualTo("m1");
        assertThat(results.get(2).get("error").get("message").stringValue()).startsWith("line 5: ");
    }

    @Test
    void run_whenLineHasWrongShape_rejectsWithInvalidEventAndTheIdsItCouldRead() {
        List<JsonNode> results = parseLines(Cli.run("run", "--game", GAME, "--events", resource("run/mixed.jsonl"))
                .stdout());

        JsonNode badTimestamp = results.get(2);
        assertThat(badTimestamp.get("status").stringValue()).isEqualTo("rejected");
        assertThat(badTimestamp.get("eventId").stringValue()).matches(UUID_PATTERN);
        assertThat(badTimestamp.get("externalUserId").stringValue()).isEqualTo("u1");
        assertThat(badTimestamp.get("eventType").stringValue()).isEqualTo("lesson_completed");
        assertThat(badTimestamp.get("error")).isEqualTo(MAPPER.valueToTree(Map.of("code", "INVALID_EVENT",
                "message", "line 5: timestamp must be an ISO-8601 instant such as 2026-11-21T10:15:30Z, "
                        + "found string \"yesterday\"")));
        JsonNode aliasConflict = results.get(3);
        assertThat(aliasConflict.has("externalUserId")).isFalse();
        assertThat(aliasConflict.get("error")).isEqualTo(MAPPER.valueToTree(Map.of("code", "INVALID_EVENT",
                "message", "line 6: externalUserId and customerId are aliases but have different values; "
                        + "give one of them")));
        JsonNode badProperties = results.get(5);
        assertThat(badProperties.get("eventId").stringValue()).isEqualTo("m3");
        assertThat(badProperties.get("error").get("message").stringValue())
                .isEqualTo("line 8: properties must be an object, found an array");
    }

    @Test
    void run_whenTimestampIsOutsideYears0000To9999_rejectsItAsTheEngineDoes() throws IOException {
        Path state = dir.resolve("state.json");
        Outcome outcome = Cli.runWithStdin("""
                {"eventId": "far", "customerId": "u1", "eventName": "lesson_completed", "timestamp": "+1000000000-12-31T23:59:59Z"}
                {"eventId": "past", "customerId": "u1", "eventName": "lesson_completed", "timestamp": "-0001-12-31T23:59:59.999999999Z"}
                {"eventId": "last", "customerId": "u1", "eventName": "lesson_completed", "timestamp": "9999-12-31T23:59:59.999999999Z"}
                {"eventId": "first", "customerId": "u1", "eventName": "lesson_completed", "timestamp": "0000-01-01T00:00:00Z"}
                """, "run", "--game", GAME, "--state-out", state.toString());

        assertThat(outcome.exit()).isZero();
        List<JsonNode> results = parseLines(outcome.stdout());
        String range = " is out of range, must be from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";
        assertThat(results.get(0).get("error")).isEqualTo(MAPPER.valueToTree(Map.of("code", "INVALID_EVENT",
                "message", "timestamp: +1000000000-12-31T23:59:59Z" + range)));
        assertThat(results.get(1).get("error")).isEqualTo(MAPPER.valueToTree(Map.of("code", "INVALID_EVENT",
                "message", "timestamp: -0001-12-31T23:59:59.999999999Z" + range)));
        assertThat(results.subList(2, 4)).extracting(r -> r.get("status").stringValue())
                .containsExactly("processed", "processed");
        assertThat(MAPPER.readTree(Files.readString(state)).get("players").get(0).get("externalUserId")
                .stringValue()).isEqualTo("u1");
    }

    @Test
    void run_whenTextHasAnUnpairedSurrogate_rejectsTheEvent_andTheStateFileStaysUtf8() throws IOException {
        Path state = dir.resolve("state.json");

        Outcome outcome = Cli.runWithStdin("""
                {"customerId": "u\\ud800", "eventName": "lesson_completed"}
                {"customerId": "u2", "eventName": "lesson_completed", "properties": {"lessonId": "l\\udc00", "score": 90}}
                {"customerId": "u3", "eventName": "lesson_completed", "idempotencyKey": "k\\udfff"}
                {"customerId": "u4", "eventName": "lesson_completed", "email": "\\ud83d\\ude00@example.com"}
                """, "run", "--game", GAME, "--state-out", state.toString());

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.stderr()).isEmpty();
        List<JsonNode> results = parseLines(outcome.stdout());
        assertThat(results.subList(0, 3)).extracting(r -> r.get("error").get("code").stringValue())
                .containsOnly("INVALID_EVENT");
        assertThat(results.subList(0, 3)).extracting(r -> r.get("error").get("message").stringValue()).containsExactly(
                "externalUserId: contains an unpaired surrogate at index 1",
                "properties.lessonId: contains an unpaired surrogate at index 1",
                "idempotencyKey: contains an unpaired surrogate at index 1");
        assertThat(results.get(3).get("status").stringValue()).isEqualTo("processed");
        JsonNode players = MAPPER.readTree(Files.readString(state)).get("players");
        assertThat(players).hasSize(1);
        assertThat(players.get(0).get("externalUserId").stringValue()).isEqualTo("u4");
    }

    @Test
    void run_whenEventsAreRejected_stillExits0AndLeavesNoPlayerForThem() throws IOException {
        Path state = dir.resolve("state.json");

        Outcome outcome = Cli.runWithStdin("not json\n{\"customerId\": \"u9\", \"eventType\": 5}\n",
                "run", "--game", GAME, "--state-out", state.toString());

        assertThat(outcome.exit()).isZero();
        assertThat(parseLines(outcome.stdout())).extracting(r -> r.get("status").stringValue())
                .containsExactly("rejected", "rejected");
        assertThat(MAPPER.readTree(Files.readString(state))).isEqualTo(MAPPER.readTree("{\"players\": []}"));
    }

    @Test
    void run_whenClockGiven_usesItForEventsWithoutTimestamp() {
        String login = "{\"externalUserId\": \"u1\", \"eventType\": \"login\"}\n";
        String game = resource("games/season.json");

        Outcome inSeason = Cli.runWithStdin(login, "run", "--game", game, "--clock", "2026-06-01T00:00:00Z");
        Outcome afterSeason = Cli.runWithStdin(login, "run", "--game", game, "--clock=2027-06-01T00:00:00Z");

        assertThat(parseLines(inSeason.stdout()).get(0).get("rulesTriggered").toString())
                .isEqualTo("[\"season-2026\"]");
        assertThat(parseLines(afterSeason.stdout()).get(0).get("rulesTriggered").toString()).isEqualTo("[]");
    }

    @Test
    void run_whenStderrIsATerminal_printsProgressEveryNEvents() throws IOException {
        Outcome outcome = Cli.run(new ByteArrayInputStream(Files.readAllBytes(Path.of(resource("run/mixed.jsonl")))),
                2, "run", "--game", GAME);

        assertThat(outcome.stderrLines()).containsExactly("ludus: 2 events processed", "ludus: 4 events processed",
                "ludus: 6 events processed");
    }

    @Test
    void run_progressLinesOnATerminalSharedWithResults_fallBetweenResultLines() throws IOException {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        InputStream stdin = new ByteArrayInputStream(Files.readAllBytes(Path.of(resource("run/mixed.jsonl"))));

        int exit = Main.run(new String[] {"run", "--game", GAME}, stdin, terminal, terminal, 2);

        assertThat(exit).isZero();
        List<String> lines = terminal.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).allMatch(line -> line.startsWith("ludus: ") || line.startsWith("{") && line.endsWith("}"));
        List<String> progress = new ArrayList<>();
        int results = 0;
        for (String line : lines) {
            if (line.startsWith("ludus: ")) {
                progress.add(line + " after " + results);
            } else {
                results++;
            }
        }
        assertThat(progress).containsExactly("ludus: 2 events processed after 2", "ludus: 4 events processed after 4",
                "ludus: 6 events processed after 6");
    }

    @Test
    void isTerminal_followsWhatTheDescriptorIsOpenOn(@TempDir Path links) throws IOException {
        Path pts = Files.createSymbolicLink(links.resolve("2"), Path.of("/dev/pts/3"));
        Path tty = Files.createSymbolicLink(links.resolve("3"), Path.of("/dev/tty1"));
        Path file = Files.createSymbolicLink(links.resolve("4"), links.resolve("results.jsonl"));
        Path pipe = Files.createSymbolicLink(links.resolve("5"), Path.of("pipe:[123456]"));

        assertThat(Main.isTerminal(pts)).isTrue();
        assertThat(Main.isTerminal(tty)).isTrue();
        assertThat(Main.isTerminal(file)).isFalse();
        assertThat(Main.isTerminal(pipe)).isFalse();
        assertThat(Main.isTerminal(links.resolve("none"))).as("no link: the JDK's console, absent under a test runner")
                .isEqualTo(System.console() != null);
    }

    @Test
    void run_aByteOrderMarkBeforeTheGameOrTheFirstEvent_isIgnored() throws IOException {
        Path game = dir.resolve("game.json");
        Files.writeString(game, "\uFEFF" + read(GAME), StandardCharsets.UTF_8);
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "\uFEFF{\"externalUserId\":\"u1\",\"eventType\":\"lesson_completed\"}\n"
                + "\uFEFF{\"externalUserId\":\"u1\",\"eventType\":\"lesson_completed\"}\n", StandardCharsets.UTF_8);

        Outcome outcome = Cli.run("run", "--game", game.toString(), "--events", events.toString());

        assertThat(outcome.exit()).isZero();
        List<String> results = outcome.stdout().lines().toList();
        assertThat(results.get(0)).contains("\"status\":\"processed\"");
        assertThat(results.get(1)).as("only the start of the stream may carry one")
                .contains("\"status\":\"rejected\"", "INVALID_JSON", "line 2");
    }

    @Test
    void run_whenInputArrivesLineByLine_showsEachResultBeforeWaitingForTheNextLine() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        SlowInput stdin = new SlowInput(stdout, read(resource("run/lessons.jsonl")).lines().toList());

        int exit = Main.run(new String[] {"run", "--game", GAME}, stdin, stdout, new ByteArrayOutputStream(), 0);

        assertThat(exit).isZero();
        assertThat(stdin.linesShownBeforeEachRead).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void run_whenGameIsInvalid_printsEachErrorLineAndExits1() {
        Outcome outcome = Cli.run("run", "--game", resource("games/invalid.json"), "--events",
                resource("run/lessons.jsonl"));

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderrLines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("ERROR /\\S* (rule \\S+ )?[A-Z_]+: .+"))
                .anySatisfy(line -> assertThat(line).startsWith("ERROR /rules/0/actions/0/type rule bad INVALID_RULE: ")
                        .contains("grant_gold", "grant_xp"));
    }

    @Test
    void run_whenGameFileIsMissing_exits1NamingIt() {
        Path missing = dir.resolve("missing.json");

        Outcome outcome = Cli.run("run", "--game", missing.toString());

        assertThat(outcome).isEqualTo(new Outcome(1, "", "ludus: cannot read game file " + missing
                + ": no such file\n"));
    }

    @Test
    void run_whenEventsFileIsMissing_exits1NamingIt() {
        Path missing = dir.resolve("missing.jsonl");

        Outcome outcome = Cli.run("run", "--game", GAME, "--events", missing.toString());

        assertThat(outcome).isEqualTo(new Outcome(1, "", "ludus: cannot read events file " + missing
                + ": no such file\n"));
    }

    @Test
    void run_whenStateOutCannotBeWritten_exits1AfterPrintingResults() {
        Path unwritable = dir.resolve("no-such-dir").resolve("state.json");

        Outcome outcome = Cli.run("run", "--game", GAME, "--events", resource("run/lessons.jsonl"),
                "--state-out", unwritable.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stdoutLines()).hasSize(3);
        assertThat(outcome.stderr()).isEqualTo("ludus: cannot write state file " + unwritable + ": no such file\n");
    }

    private static List<JsonNode> parseLines(String jsonLines) {
        return jsonLines.lines().map(MAPPER::readTree).toList();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves one line per read and never reports more input as available, like a producer typing into a pipe;
     * before each read it notes how many result lines had reached stdout.
     */
    private static final class SlowInput extends InputStream {
        private final ByteArrayOutputStream stdout;
        private final Deque<byte[]> lines = new ArrayDeque<>();
        final List<Long> linesShownBeforeEachRead = new ArrayList<>();

        SlowInput(ByteArrayOutputStream stdout, List<String> lines) {
            this.stdout = stdout;
            lines.forEach(line -> this.lines.add((line + "\n").getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in bulk only");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            linesShownBeforeEachRead.add(stdout.toString(StandardCharsets.UTF_8).lines().count());
            byte[] line = lines.poll();
            if (line == null) {
                return -1;
            }
            System.arraycopy(line, 0, buffer, offset, line.length);
            return line.length;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
