package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * SPEC 3 requires a table's thresholds to increase strictly; an exponential curve whose steps round to 0 XP would
 * put two levels at the same XP, so it is refused the same way.
 */
class LevelCurveParametersTest {

    private static String levels(String levels) {
        return "{\"levels\": " + levels + "}";
    }

    @Test
    void exponential_whoseStepRoundsToZero_isAnError_atTheFactor() {
        single(levels("{\"curve\": \"exponential\", \"baseXp\": 100, \"factor\": 0.5, \"maxLevel\": 20}"),
                "/levels/factor", null, ErrorCode.INVALID_RULE,
                "with baseXp 100 and factor 0.5 the step to level 10 rounds to 0 XP, so levels 9 and 10 would start "
                        + "at the same XP; use a larger factor or baseXp, or a maxLevel of at most 9");
    }

    @Test
    void exponential_withATinyFactor_isAnError_namingTheFirstFlatLevel() {
        single(levels("{\"baseXp\": 1, \"factor\": 1e-9}"), "/levels/factor", null, ErrorCode.INVALID_RULE,
                "the step to level 3 rounds to 0 XP, so levels 2 and 3 would start at the same XP");
    }

    @Test
    void exponential_withAFactorBelowOne_butNoFlatStep_compiles() {
        compiles(levels("{\"curve\": \"exponential\", \"baseXp\": 100, \"factor\": 0.5, \"maxLevel\": 9}"));
        compiles(levels("{\"curve\": \"exponential\", \"baseXp\": 1000, \"factor\": 0.9, \"maxLevel\": 30}"));
    }

    @Test
    void curvesThatSaturate_compile_asSpec3Allows() {
        compiles(levels("{\"curve\": \"exponential\", \"baseXp\": 100, \"factor\": 2.0, \"maxLevel\": 100}"));
        compiles(levels("{\"curve\": \"linear\", \"baseXp\": 9223372036854775807, \"maxLevel\": 10}"));
    }

    private static void compiles(String game) {
        assertThat(Ludus.builder().game(game).build().game().maxLevel()).isPositive();
    }
}
