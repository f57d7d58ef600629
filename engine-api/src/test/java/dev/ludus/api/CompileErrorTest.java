package dev.ludus.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SPEC 13: a compile error prints as one line, whatever text from the game it carries. */
class CompileErrorTest {

    @Test
    void toString_isTheCliLine() {
        assertThat(new CompileError("/rules/0/name", "r", ErrorCode.INVALID_RULE, "missing").toString())
                .isEqualTo("ERROR /rules/0/name rule r INVALID_RULE: missing");
        assertThat(new CompileError("", null, ErrorCode.INVALID_JSON, "empty").toString())
                .isEqualTo("ERROR / INVALID_JSON: empty");
    }

    @Test
    void toString_escapesControlCharactersInThePointerTheRuleIdAndTheMessage() {
        CompileError error = new CompileError("/rules/0/bad\nfield", "a\r\tb", ErrorCode.INVALID_RULE,
                "x\u0000y\u001bz\u007f\u0085\u2028\u2029");

        assertThat(error.toString()).isEqualTo("ERROR /rules/0/bad\\nfield rule a\\r\\tb INVALID_RULE: "
                + "x\\u0000y\\u001bz\\u007f\\u0085\\u2028\\u2029");
    }

    @Test
    void toString_escapesUnpairedSurrogates_andKeepsPairs() {
        CompileError error = new CompileError("/x", null, ErrorCode.INVALID_JSON,
                "a\ud800 b\udc00 \ud83d\ude00 c\ud83d");

        assertThat(error.toString()).isEqualTo("ERROR /x INVALID_JSON: a\\ud800 b\\udc00 \ud83d\ude00 c\\ud83d");
    }

    @Test
    void toString_aRuleIdCannotForgeASecondLine() {
        CompileError error = new CompileError("/rules/0/id", "a b\nERROR / FAKE: x", ErrorCode.INVALID_RULE, "m");

        assertThat(error.toString()).isEqualTo("ERROR /rules/0/id rule a b\\nERROR / FAKE: x INVALID_RULE: m")
                .doesNotContain("\n");
    }

    @Test
    void toString_keepsPointerEscapesAndNonControlCharactersAsTheyAre() {
        CompileError error = new CompileError("/rules/0/a~1b~0c", "\u00fcber", ErrorCode.INVALID_RULE,
                "unknown field 'a/b~c' \\n \u65e5\u672c");

        assertThat(error.toString())
                .isEqualTo("ERROR /rules/0/a~1b~0c rule \u00fcber INVALID_RULE: unknown field 'a/b~c' \\n \u65e5\u672c");
    }
}
