package dev.ludus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Java example of the README, with the outcome its comments promise. */
class ReadmeExampleTest {

    @Test
    void readmeExample_firstLessonOfANewPlayer_reachesLevel2With45Coins() {
        // Surefire runs in the module folder; the README runs from the repository root.
        RuleEngine engine = Ludus.builder()
                .game(Path.of("src/main/resources/learning/game.json"))
                .build();

        EventResult result = engine.track(Event.builder()
                .externalUserId("user-123")
                .eventType("lesson_completed")
                .timestamp(Instant.parse("2026-04-01T09:00:00Z"))
                .property("lessonId", "java-101-variables")
                .property("score", 95)
                .build());

        assertThat(result.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(result.rulesTriggered())
                .containsExactly("first-lesson-badge", "lesson-completion-reward", "level-up-coins");
        PlayerState player = engine.player("user-123").orElseThrow();
        assertThat(player.level()).isEqualTo(2);
        assertThat(player.xp()).isEqualTo(100);
        assertThat(player.balance("coins")).isEqualTo(45);
    }
}
