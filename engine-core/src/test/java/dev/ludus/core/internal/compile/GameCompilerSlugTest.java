package dev.ludus.core.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SPEC 4.1: a rule's default id is the slug of its name. */
class GameCompilerSlugTest {

    @Test
    void lowerCasesAndJoinsWordsWithDashes() {
        assertThat(GameCompiler.slug("Lesson Completion Reward")).isEqualTo("lesson-completion-reward");
    }

    @Test
    void runsOfOtherCharacters_becomeOneDash() {
        assertThat(GameCompiler.slug("Buy 3 -- get 1__free!!")).isEqualTo("buy-3-get-1-free");
        assertThat(GameCompiler.slug("a.b/c\td")).isEqualTo("a-b-c-d");
    }

    @Test
    void isTrimmedOfDashes() {
        assertThat(GameCompiler.slug("  --Welcome bonus!-- ")).isEqualTo("welcome-bonus");
    }

    @Test
    void keepsDigitsAndExistingSlugs() {
        assertThat(GameCompiler.slug("level-5")).isEqualTo("level-5");
        assertThat(GameCompiler.slug("2026 Q4")).isEqualTo("2026-q4");
    }

    @Test
    void lettersAndDigitsOfEveryScript_areKept_lowerCased() {
        assertThat(GameCompiler.slug("Café Über")).isEqualTo("café-über");
        assertThat(GameCompiler.slug("\u65e5\u672c")).isEqualTo("\u65e5\u672c");
        assertThat(GameCompiler.slug("\u0394\u03b5\u03bb\u03c4\u03b1 \u0661\u0662")).isEqualTo("\u03b4\u03b5\u03bb\u03c4\u03b1-\u0661\u0662");
        assertThat(GameCompiler.slug("\ud835\udc00 bold")).isEqualTo("\ud835\udc00-bold");
    }

    @Test
    void accentsWrittenApart_areComposed_andMarksAfterALetterKept() {
        assertThat(GameCompiler.slug("Cafe\u0301")).isEqualTo("caf\u00e9");
        // Devanagari vowel signs and the virama are combining marks: the word stays one word
        assertThat(GameCompiler.slug("\u0939\u093f\u0928\u094d\u0926\u0940 quiz"))
                .isEqualTo("\u0939\u093f\u0928\u094d\u0926\u0940-quiz");
        assertThat(GameCompiler.slug("\u0301x")).isEqualTo("x");
    }

    @Test
    void symbolsAndEmoji_areOtherCharacters() {
        assertThat(GameCompiler.slug("\ud83c\udf89 Party \u2605 time")).isEqualTo("party-time");
    }

    @Test
    void nothingUsable_givesAnEmptySlug() {
        assertThat(GameCompiler.slug("!!!")).isEmpty();
        assertThat(GameCompiler.slug("\u2605 \u0301")).isEmpty();
        assertThat(GameCompiler.slug("")).isEmpty();
    }
}
