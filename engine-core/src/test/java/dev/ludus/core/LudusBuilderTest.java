package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.LudusException;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The builder of {@link Ludus}: each setting once, checked when set; {@code build()} leaves the builder alone. */
class LudusBuilderTest {
    private static final String GAME = Fixtures.rules(Fixtures.rule("r", "e", "[{\"type\": \"grant_xp\", \"amount\": 1}]"));

    private static void assertSecondCallFails(String setting, Consumer<Ludus.Builder> set) {
        Ludus.Builder builder = Ludus.builder();
        set.accept(builder);
        assertThatThrownBy(() -> set.accept(builder))
                .as(setting)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(setting)
                .hasMessageContaining("already set");
    }

    @Test
    void everySetting_canBeSetOnlyOnce() {
        Executor direct = Runnable::run;
        assertSecondCallFails("game", b -> b.game(GAME));
        assertSecondCallFails("store", b -> b.store(InMemoryPlayerStore.create()));
        assertSecondCallFails("clock", b -> b.clock(Fixtures.CLOCK));
        assertSecondCallFails("maxCommitRetries", b -> b.maxCommitRetries(3));
        assertSecondCallFails("maxEmittedEvents", b -> b.maxEmittedEvents(3));
        assertSecondCallFails("executor", b -> b.executor(direct));
        assertSecondCallFails("maxExternalUserIdLength", b -> b.maxExternalUserIdLength(10));
        assertSecondCallFails("maxEventTypeLength", b -> b.maxEventTypeLength(10));
        assertSecondCallFails("maxEventIdLength", b -> b.maxEventIdLength(10));
        assertSecondCallFails("maxIdempotencyKeyLength", b -> b.maxIdempotencyKeyLength(10));
        assertSecondCallFails("maxPropertyDepth", b -> b.maxPropertyDepth(3));
        assertSecondCallFails("maxPropertyKeys", b -> b.maxPropertyKeys(3));
        assertSecondCallFails("maxPropertyStringLength", b -> b.maxPropertyStringLength(3));
    }

    @Test
    void gameFromAPath_andFromAString_countAsTheSameSetting() throws URISyntaxException {
        Ludus.Builder builder = Ludus.builder().game(resource("games/learning-app.json"));
        assertThatThrownBy(() -> builder.game(GAME)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("game");
    }

    @Test
    void badSettings_areRefusedWhenSet() {
        assertThatThrownBy(() -> Ludus.builder().maxCommitRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCommitRetries");
        assertThatThrownBy(() -> Ludus.builder().maxPropertyDepth(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPropertyDepth");
        assertThatThrownBy(() -> Ludus.builder().maxPropertyDepth(1001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPropertyDepth must be at most 1000, was 1001");
        assertThatThrownBy(() -> Ludus.builder().maxEventIdLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEventIdLength must be positive, was 0");
        assertThatThrownBy(() -> Ludus.builder().maxIdempotencyKeyLength(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxIdempotencyKeyLength must be positive, was -1");
        assertThatThrownBy(() -> Ludus.builder().maxPropertyKeys(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPropertyKeys");
        assertThatThrownBy(() -> Ludus.builder().game((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ludus.builder().store(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void build_withoutAGame_fails() {
        assertThatThrownBy(() -> Ludus.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("game");
    }

    @Test
    void build_withAnInvalidGame_throwsTheCompileErrors() {
        assertThatThrownBy(() -> Ludus.builder().game("{\"rules\": [{}]}").build())
                .isInstanceOf(GameCompileException.class);
    }

    @Test
    void build_canBeCalledAgain_andGivesIndependentEngines() {
        Ludus.Builder builder = Ludus.builder().game(GAME).clock(Fixtures.CLOCK);
        RuleEngine first = builder.build();
        RuleEngine second = builder.build();
        processed(first, event("u", "e"));
        processed(first, event("u", "e"));
        processed(second, event("u", "e"));
        assertThat(state(first, "u").xp()).isEqualTo(2);
        assertThat(state(second, "u").xp()).isEqualTo(1);
    }

    @Test
    void enginesBuiltOnOneStore_shareThePlayers() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        RuleEngine first = Fixtures.engine(GAME, store);
        RuleEngine second = Fixtures.engine(GAME, store);
        processed(first, event("u", "e"));
        processed(second, event("u", "e"));
        assertThat(state(first, "u").xp()).isEqualTo(2);
        assertThat(state(first, "u").version()).isEqualTo(2);
    }

    @Test
    void game_fromAFile_isRead() throws URISyntaxException {
        RuleEngine engine = Ludus.builder().game(resource("games/learning-app.json")).build();
        assertThat(engine.game().id()).isEqualTo("learning-app");
    }

    @Test
    void game_fromAMissingFile_failsWithInvalidJson() {
        Path missing = Path.of("does-not-exist", "game.json");
        assertThatThrownBy(() -> Ludus.builder().game(missing))
                .isInstanceOfSatisfying(LudusException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON))
                .hasMessageContaining("game.json");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(LudusBuilderTest.class.getClassLoader().getResource(name).toURI());
    }
}
