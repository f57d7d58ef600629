package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** A game file that is not valid JSON, or breaks a parse limit, is one error at the best pointer the parser knows. */
class GameJsonErrorsTest {

    @Test
    void duplicateKey_pointsAtTheKey_withLineAndColumn() {
        String game = "{\"rules\":[{\"id\":\"a\",\"name\":\"A\",\"name\":\"B\",\"trigger\":{\"eventType\":\"e\"},"
                + "\"actions\":[]}]}";

        CompileError error = single(game, "/rules/0/name", null, ErrorCode.INVALID_JSON,
                "game file is not valid JSON at line 1, column 38: Duplicate Object property \"name\"");
        assertThat(error.toString()).startsWith("ERROR /rules/0/name INVALID_JSON: ");
    }

    @Test
    void duplicateKey_inAKeyWithASlash_hasAnRfc6901Pointer() {
        single("{\"levels\": {\"rewards\": {\"2\": [{\"type\": \"grant_xp\", \"amount\": 1, \"amount\": 2}]}},"
                        + " \"x/y~\": 1}",
                "/levels/rewards/2/0/amount", null, ErrorCode.INVALID_JSON, "Duplicate Object property \"amount\"");
        single("{\"a/b~\": {\"x\": 1, \"x\": 2}}", "/a~1b~0/x", null, ErrorCode.INVALID_JSON,
                "Duplicate Object property \"x\"");
    }

    @Test
    void unpairedSurrogates_inStrings_areEachAnError_atTheirPointer() {
        String game = "{\"rules\": [{\"id\": \"a\\ud800\", \"name\": \"A\", \"trigger\": {\"eventType\": \"e\"},"
                + " \"actions\": [{\"type\": \"set_attribute\", \"attribute\": \"t\", \"value\": [\"k\\udc00\"]}]}],"
                + " \"badges\": [{\"id\": \"\\ud83d\\ude00 ok\"}]}";

        assertThat(CompileErrorsTest.errors(game)).extracting(CompileError::toString).containsExactly(
                "ERROR /rules/0/id INVALID_JSON: text \"a\\ud800\" contains an unpaired surrogate at index 1",
                "ERROR /rules/0/actions/0/value/0 INVALID_JSON: text \"k\\udc00\" contains an unpaired surrogate at index 1");
    }

    @Test
    void syntaxError_pointsAtTheValueBeingRead() {
        single("{\"rules\": [{\"id\": \"a\"}, tru]}", "/rules/1", null, ErrorCode.INVALID_JSON,
                "at line 1, column 25: Unrecognized token 'tru'");
    }

    @Test
    void tooDeep_pointsWhereTheLimitWasPassed_withLineAndColumn_andNamesNoJacksonSetting() {
        String game = "{\"rules\": [{\"conditions\": " + "[".repeat(63) + "]".repeat(63) + "}]}";

        CompileError error = single(game, "/rules/0/conditions" + "/0".repeat(61), null, ErrorCode.INVALID_JSON,
                "game file is not valid JSON at line 1, column 89: Document nesting depth (65) exceeds the maximum "
                        + "allowed (64); game files have fixed limits");
        assertThat(error.message()).doesNotContain("StreamReadConstraints");
    }

    @Test
    void tooLongNumber_pointsAtIt() {
        single("{\"rules\": [{\"priority\": " + "9".repeat(100) + "}]}", "/rules/0/priority", null,
                ErrorCode.INVALID_JSON, "Number value length (100) exceeds the maximum allowed (64)",
                "game files have fixed limits");
    }

    @Test
    void notJsonAtAll_isTheWholeDocument() {
        CompileError error = single("hello", "", null, ErrorCode.INVALID_JSON, "at line 1, column 1: Unrecognized token 'hello'");
        assertThat(error.toString()).startsWith("ERROR / INVALID_JSON: ");
    }

    @Test
    void inABareArrayOfRules_pointersNameRulesAsCompileErrorsDo() {
        single("[{\"id\": \"a\", \"id\": \"b\"}]", "/rules/0/id", null, ErrorCode.INVALID_JSON,
                "Duplicate Object property \"id\"");
        single("[{\"id\": \"a\"}, tru]", "/rules/1", null, ErrorCode.INVALID_JSON, "Unrecognized token 'tru'");
    }

    @Test
    void tooLongString_pointsAtIt() {
        String game = "{\"rules\": [], \"id\": \"" + "x".repeat(1024 * 1024 + 1) + "\"}";

        single(game, "/id", null, ErrorCode.INVALID_JSON, "String value length (1048577) exceeds the maximum allowed "
                + "(1048576)", "game files have fixed limits");
    }

    @Test
    void tooLongDocument_isRefused() {
        String padding = " ".repeat(16 * 1024 * 1024);

        single("{\"rules\": []" + padding + "}", "", null, ErrorCode.INVALID_JSON,
                "Document length", "exceeds the maximum allowed (16777216)", "game files have fixed limits");
    }

    @Test
    void aByteOrderMarkBeforeTheDocument_isIgnored() {
        assertThat(Ludus.builder().game("\uFEFF{\"rules\": []}").build().game().ruleIds()).isEmpty();
        single("{\"rules\": []}\uFEFF", "", null, ErrorCode.INVALID_JSON, "game file is not valid JSON");
    }
}
