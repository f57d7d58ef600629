package dev.ludus.core.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests of the precomputed level thresholds (SPEC 3). */
class LevelCurveTest {

    @Test
    void exponential_default_matchesTheSpecNumbers() {
        LevelCurve curve = LevelCurve.exponential(100, 2.0, 100);
        assertThat(curve.levelFor(0)).isEqualTo(1);
        assertThat(curve.levelFor(99)).isEqualTo(1);
        assertThat(curve.levelFor(100)).isEqualTo(2);
        assertThat(curve.levelFor(300)).isEqualTo(3);
        assertThat(curve.levelFor(700)).isEqualTo(4);
        assertThat(curve.levelFor(1500)).isEqualTo(5);
        assertThat(curve.levelFor(3100)).isEqualTo(6);
        assertThat(curve.levelFor(3099)).isEqualTo(5);
        assertThat(curve.maxLevel()).isEqualTo(100);
    }

    @Test
    void firstLevelWithoutOwnXp_isTheFirstLevelAtTheSameXpAsTheOneBelow_notCountingSaturation() {
        // steps 100, 50, 25, 13, 6, 3, 2, 1, then round(0.39) = 0: level 10 starts where level 9 does
        assertThat(LevelCurve.exponential(100, 0.5, 20).firstLevelWithoutOwnXp()).isEqualTo(10);
        assertThat(LevelCurve.exponential(100, 0.5, 9).firstLevelWithoutOwnXp()).isZero();
        assertThat(LevelCurve.exponential(1, 1e-9, 5).firstLevelWithoutOwnXp()).isEqualTo(3);
        // the default curve saturates at Long.MAX_VALUE long before level 100, as SPEC 3 allows
        assertThat(LevelCurve.exponential(100, 2.0, 100).firstLevelWithoutOwnXp()).isZero();
        assertThat(LevelCurve.linear(1, 10_000).firstLevelWithoutOwnXp()).isZero();
        assertThat(LevelCurve.table(new long[] {0, 5, 9}).firstLevelWithoutOwnXp()).isZero();
    }

    @Test
    void exponential_stepIsRoundedHalfUp() {
        // steps 50, 75, round(112.5) = 113, round(168.75) = 169: L4 at 238, L5 at 407
        LevelCurve curve = LevelCurve.exponential(50, 1.5, 10);
        assertThat(curve.levelFor(237)).isEqualTo(3);
        assertThat(curve.levelFor(238)).isEqualTo(4);
        assertThat(curve.xpToNextLevel(238)).isEqualTo(169);
    }

    @Test
    void exponential_factorOne_isFlat() {
        LevelCurve curve = LevelCurve.exponential(100, 1.0, 5);
        assertThat(curve.levelFor(399)).isEqualTo(4);
        assertThat(curve.levelFor(400)).isEqualTo(5);
    }

    @Test
    void linear_stepIsBaseTimesLevel() {
        LevelCurve curve = LevelCurve.linear(100, 100);
        assertThat(curve.levelFor(100)).isEqualTo(2);
        assertThat(curve.levelFor(300)).isEqualTo(3);
        assertThat(curve.levelFor(600)).isEqualTo(4);
        assertThat(curve.levelFor(1000)).isEqualTo(5);
        assertThat(curve.xpToNextLevel(600)).isEqualTo(400);
    }

    @Test
    void table_usesTheGivenThresholds() {
        LevelCurve curve = LevelCurve.table(new long[] {0, 10, 30, 60});
        assertThat(curve.maxLevel()).isEqualTo(4);
        assertThat(curve.levelFor(9)).isEqualTo(1);
        assertThat(curve.levelFor(10)).isEqualTo(2);
        assertThat(curve.levelFor(59)).isEqualTo(3);
        assertThat(curve.levelFor(60)).isEqualTo(4);
        assertThat(curve.levelFor(Long.MAX_VALUE)).isEqualTo(4);
        assertThat(curve.xpToNextLevel(0)).isEqualTo(10);
        assertThat(curve.xpToNextLevel(59)).isEqualTo(1);
    }

    @Test
    void table_isCopied() {
        long[] thresholds = {0, 10, 30};
        LevelCurve curve = LevelCurve.table(thresholds);
        thresholds[1] = 20;
        assertThat(curve.levelFor(10)).isEqualTo(2);
    }

    @Test
    void singleLevelCurve_neverLevelsUp() {
        LevelCurve curve = LevelCurve.table(new long[] {0});
        assertThat(curve.maxLevel()).isEqualTo(1);
        assertThat(curve.levelFor(1_000_000)).isEqualTo(1);
        assertThat(curve.xpToNextLevel(5)).isZero();
    }

    @Test
    void atMaxLevel_xpToNextLevelIsZero() {
        LevelCurve curve = LevelCurve.exponential(100, 2.0, 3);
        assertThat(curve.levelFor(300)).isEqualTo(3);
        assertThat(curve.xpToNextLevel(300)).isZero();
        assertThat(curve.xpToNextLevel(1_000_000)).isZero();
        assertThat(curve.xpToNextLevel(299)).isEqualTo(1);
    }

    @Test
    void hugeCurves_saturateAtLongMaxValue_insteadOfOverflowing() {
        // 100 * (2^(L-1) - 1) is the threshold of level L; it passes Long.MAX_VALUE after level 57
        LevelCurve exponential = LevelCurve.exponential(100, 2.0, 100);
        assertThat(exponential.levelFor(100L * ((1L << 56) - 1))).isEqualTo(57);
        assertThat(exponential.levelFor(100L * ((1L << 56) - 1) - 1)).isEqualTo(56);
        assertThat(exponential.levelFor(Long.MAX_VALUE - 1)).isEqualTo(57);
        assertThat(exponential.xpToNextLevel(Long.MAX_VALUE - 1)).isBetween(0L, 1L);
        assertThat(exponential.levelFor(Long.MAX_VALUE)).isBetween(57, 100);
        assertThat(exponential.xpToNextLevel(Long.MAX_VALUE)).isZero();

        LevelCurve linear = LevelCurve.linear(Long.MAX_VALUE / 2, 10);
        assertThat(linear.levelFor(Long.MAX_VALUE / 2 - 1)).isEqualTo(1);
        assertThat(linear.levelFor(Long.MAX_VALUE / 2)).isEqualTo(2);
        assertThat(linear.levelFor(Long.MAX_VALUE - 1)).isEqualTo(2);
        assertThat(linear.xpToNextLevel(Long.MAX_VALUE / 2)).isNotNegative();
    }

    @Test
    void levelFor_isMonotonic() {
        LevelCurve curve = LevelCurve.exponential(7, 1.3, 200);
        int previous = 1;
        for (long xp = 0; xp < 1_000_000; xp += 997) {
            int level = curve.levelFor(xp);
            assertThat(level).isGreaterThanOrEqualTo(previous);
            previous = level;
        }
    }

    @Test
    void levelForWithAHint_agreesWithTheSearch_forEveryHintRightOrWrong() {
        LevelCurve[] curves = {LevelCurve.exponential(100, 2.0, 10), LevelCurve.linear(50, 6),
                LevelCurve.exponential(Long.MAX_VALUE / 4, 10.0, 8), LevelCurve.table(new long[] {0})};
        long[] xps = {0, 1, 49, 50, 99, 100, 101, 150, 299, 300, 750, 51_199, 51_200, Long.MAX_VALUE / 4,
                Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (LevelCurve curve : curves) {
            for (long xp : xps) {
                for (int hint = -1; hint <= curve.maxLevel() + 1; hint++) {
                    assertThat(curve.levelFor(xp, hint)).as("xp %d, hint %d", xp, hint).isEqualTo(curve.levelFor(xp));
                }
                assertThat(curve.xpToNextLevel(xp, curve.levelFor(xp))).isEqualTo(curve.xpToNextLevel(xp));
            }
        }
    }
}
