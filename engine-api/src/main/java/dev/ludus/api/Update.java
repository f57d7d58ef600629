package dev.ludus.api;

import java.util.Objects;

/**
 * One change an event made to a player (SPEC section 6). A closed set: switch over the records.
 *
 * <p>All implementations are immutable records and safe to share between threads.
 */
public sealed interface Update {

    /** @return the JSON {@code type} of this update, e.g. {@code xp_updated} */
    String type();

    /** XP changed. {@code xp} is the new total, {@code level} the level after the change. */
    record XpUpdated(long xp, long delta, int level) implements Update {
        @Override
        public String type() {
            return "xp_updated";
        }
    }

    /** The player went from level {@code from} to {@code to} (one update per level crossed). */
    record LevelUp(int from, int to) implements Update {
        @Override
        public String type() {
            return "level_up";
        }
    }

    /** A balance changed; {@code delta} is the real change after clamping to the currency's max. */
    record CurrencyUpdated(String currency, long balance, long delta) implements Update {
        public CurrencyUpdated {
            Objects.requireNonNull(currency, "currency");
        }

        @Override
        public String type() {
            return "currency_updated";
        }
    }

    /** Quest progress changed. {@code target} is {@code null} for an undeclared quest. */
    record QuestProgress(String questId, long progress, Long target) implements Update {
        public QuestProgress {
            Objects.requireNonNull(questId, "questId");
        }

        @Override
        public String type() {
            return "quest_progress";
        }
    }

    /** A quest reached its target; {@code completions} counts all completions so far. */
    record QuestCompleted(String questId, long completions) implements Update {
        public QuestCompleted {
            Objects.requireNonNull(questId, "questId");
        }

        @Override
        public String type() {
            return "quest_completed";
        }
    }

    /** A badge was added. */
    record BadgeEarned(String badgeId) implements Update {
        public BadgeEarned {
            Objects.requireNonNull(badgeId, "badgeId");
        }

        @Override
        public String type() {
            return "badge_earned";
        }
    }

    /** An attribute was set; {@code value} is a JSON-like value and may be {@code null}. */
    record AttributeUpdated(String attribute, Object value) implements Update {
        public AttributeUpdated {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public String type() {
            return "attribute_updated";
        }
    }

    /** A notification for subscribers; {@code payload} is a JSON-like value and may be {@code null}. */
    record Notification(String topic, Object payload) implements Update {
        public Notification {
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public String type() {
            return "notification";
        }
    }
}
