package dev.ludus.core.internal.expression;

import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.spi.EvaluationContext;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

/** An {@link EvaluationContext} for unit tests: fixed event fields, given properties and player. */
record TestContext(Map<String, Object> properties, PlayerState player) implements EvaluationContext {
    static final Instant TIME = Instant.parse("2026-11-21T10:15:30Z");

    static TestContext of(Map<String, Object> properties) {
        return new TestContext(properties, PlayerState.initial("user-1", 100));
    }

    /** A player with some of everything: 1,550 XP at level 5, coins, two badges, a quest, an attribute. */
    static PlayerState richPlayer() {
        return new PlayerState("user-1", 1550, 5, 1550, Map.of("coins", 125L),
                new TreeSet<>(java.util.List.of("first-lesson", "streak-7")),
                Map.of("lessons", new QuestState(3, 10L, false, 0)), Map.of("tier", "gold"), Map.of(), 7);
    }

    @Override
    public String eventId() {
        return "event-1";
    }

    @Override
    public String externalUserId() {
        return player.externalUserId();
    }

    @Override
    public String eventType() {
        return "lesson_completed";
    }

    @Override
    public Instant timestamp() {
        return TIME;
    }

    @Override
    public Object property(String path) {
        return properties.get(path);
    }
}
