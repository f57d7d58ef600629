package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.errors;
import static dev.ludus.core.CompileErrorsTest.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Level reward keys name a level one way only, so two keys can never silently give the same level's rewards. */
class LevelRewardKeysTest {

    private static String withRewardKey(String key) {
        return "{\"levels\": {\"rewards\": {\"" + key + "\": [{\"type\": \"grant_xp\", \"amount\": 1}]}}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"02, 2", "+2, 2", "007, 7", "+0010, 10"})
    void nonCanonicalKey_isAnError_namingThePlainForm(String key, String plain) {
        single(withRewardKey(key), "/levels/rewards/" + key, null, ErrorCode.INVALID_RULE,
                "expected the level as a plain number, found '" + key + "': write '" + plain
                        + "' (no sign or leading zeros)");
    }

    @Test
    void twoSpellingsOfOneLevel_areNotBothAccepted() {
        String game = "{\"levels\": {\"rewards\": {\"2\": [{\"type\": \"grant_xp\", \"amount\": 1}],"
                + " \"02\": [{\"type\": \"grant_xp\", \"amount\": 2}]}}}";

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::code).containsExactly(
                tuple("/levels/rewards/02", ErrorCode.INVALID_RULE));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"1", "0", "101", "-2", "2.0", "two", "", "+", "1000000000000"})
    void keyThatIsNoLevel_isAnError_namingTheRange(String key) {
        single(withRewardKey(key), "/levels/rewards/" + key, null, ErrorCode.INVALID_RULE,
                "expected a level from 2 to 100 as the key, found '" + key + "'");
    }

    @Test
    void plainKeys_compile() {
        assertThat(Ludus.builder().game("{\"levels\": {\"rewards\": {\"2\": [], \"10\": [], \"100\": []}}}").build())
                .isNotNull();
    }
}
