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
    void nonAsciiLetters_countAsOtherCharacters() {
        assertThat(GameCompiler.slug("Café Über")).isEqualTo("caf-ber");
    }

    @Test
    void nothingUsable_givesAnEmptySlug() {
        assertThat(GameCompiler.slug("!!!")).isEmpty();
        assertThat(GameCompiler.slug("")).isEmpty();
    }
}
