package dev.ludus.examples;

import dev.ludus.api.Update;

/** Short factories for the expected updates of the example tests. */
final class Updates {
    private Updates() {
    }

    static Update xp(long xp, long delta, int level) {
        return new Update.XpUpdated(xp, delta, level);
    }

    static Update levelUp(int from, int to) {
        return new Update.LevelUp(from, to);
    }

    static Update currency(String currency, long balance, long delta) {
        return new Update.CurrencyUpdated(currency, balance, delta);
    }

    static Update questProgress(String questId, long progress, long target) {
        return new Update.QuestProgress(questId, progress, target);
    }

    static Update questCompleted(String questId, long completions) {
        return new Update.QuestCompleted(questId, completions);
    }

    static Update badge(String badgeId) {
        return new Update.BadgeEarned(badgeId);
    }

    static Update attribute(String attribute, Object value) {
        return new Update.AttributeUpdated(attribute, value);
    }
}
