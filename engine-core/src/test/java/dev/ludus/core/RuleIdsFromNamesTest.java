package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** SPEC 4.1: a rule without id is known by the slug of its name, in any script. */
class RuleIdsFromNamesTest {

    private static String named(String name) {
        return "[{\"name\": \"" + name + "\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]";
    }

    @Test
    void nonAsciiLetters_stayInTheId() {
        assertThat(Ludus.builder().game(named("\u00dcber Cool")).build().game().ruleIds()).containsExactly("\u00fcber-cool");
        assertThat(Ludus.builder().game(named("\u65e5\u672c")).build().game().ruleIds()).containsExactly("\u65e5\u672c");
    }

    @Test
    void namesThatDifferOnlyInNonAsciiLetters_noLongerCollide() {
        String game = "[{\"name\": \"Caf\u00e9\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []},"
                + " {\"name\": \"Caf\u00f6\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]";

        assertThat(Ludus.builder().game(game).build().game().ruleIds()).containsExactly("caf\u00e9", "caf\u00f6");
    }

    @Test
    void nameWithNoLetterOrDigit_isAnError() {
        single(named("\ud83c\udf89 \u2605"), "/rules/0/name", null, ErrorCode.INVALID_RULE,
                "cannot derive a rule id from name '\ud83c\udf89 \u2605': give an explicit 'id'");
    }
}
