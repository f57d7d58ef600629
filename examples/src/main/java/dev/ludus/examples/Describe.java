package dev.ludus.examples;

import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns results and player states into short text for the example programs. Stateless. */
final class Describe {
    private static final String NL = System.lineSeparator();

    private Describe() {
    }

    /** @return a few lines: the event, then its rules, actions, updates and failures when there are any */
    static String result(EventResult r) {
        StringBuilder out = new StringBuilder();
        String user = r.externalUserId() == null || r.externalUserId().isBlank() ? "(no user)" : r.externalUserId();
        out.append(r.eventId()).append("  ").append(user).append("  ").append(r.eventType())
                .append(" -> ").append(r.status().jsonName());
        if (r.error() != null) {
            out.append(" ").append(r.error().code()).append(": ").append(r.error().message());
        }
        if (r.status() == EventStatus.DUPLICATE) {
            out.append(" of ").append(r.originalEventId());
        }
        out.append(NL);
        if (r.status() == EventStatus.PROCESSED && r.rulesTriggered().isEmpty() && r.rulesFailed().isEmpty()) {
            line(out, "rules", "(none fired)");
        }
        line(out, "rules", r.rulesTriggered().stream().collect(Collectors.joining(", ")));
        line(out, "actions", r.actionsExecuted().stream().collect(Collectors.joining(", ")));
        line(out, "updates", r.updates().stream().map(Describe::update).collect(Collectors.joining(" | ")));
        line(out, "failed", r.rulesFailed().stream().map(Describe::failure).collect(Collectors.joining("; ")));
        line(out, "held back",
                r.rulesSuppressed().stream().map(Describe::suppression).collect(Collectors.joining("; ")));
        return out.toString();
    }

    /** @return the player's level, XP, balances, badges, quests, attributes and profile, one topic a line */
    static String player(PlayerState p) {
        StringBuilder out = new StringBuilder();
        out.append(p.externalUserId()).append("  level ").append(p.level()).append(", ").append(p.xp()).append(" XP");
        out.append(p.xpToNextLevel() == 0 ? " (top level)" : " (" + p.xpToNextLevel() + " to the next level)");
        out.append(", version ").append(p.version()).append(NL);
        line(out, "balances", join(p.currencies()));
        line(out, "badges", String.join(", ", p.badges()));
        line(out, "quests", p.quests().entrySet().stream()
                .map(e -> quest(e.getKey(), e.getValue()))
                .collect(Collectors.joining("; ")));
        line(out, "attributes", join(p.attributes()));
        line(out, "profile", join(p.profile()));
        out.append(NL);
        return out.toString();
    }

    static String update(Update u) {
        if (u instanceof Update.XpUpdated x) {
            return "xp " + x.xp() + " (" + signed(x.delta()) + ", level " + x.level() + ")";
        }
        if (u instanceof Update.LevelUp l) {
            return "level " + l.from() + " -> " + l.to();
        }
        if (u instanceof Update.CurrencyUpdated c) {
            return c.currency() + " " + c.balance() + " (" + signed(c.delta()) + ")";
        }
        if (u instanceof Update.QuestProgress q) {
            return "quest " + q.questId() + " " + q.progress() + (q.target() == null ? "" : "/" + q.target());
        }
        if (u instanceof Update.QuestCompleted q) {
            return "quest " + q.questId() + " completed (" + q.completions() + "x)";
        }
        if (u instanceof Update.BadgeEarned b) {
            return "badge " + b.badgeId();
        }
        if (u instanceof Update.AttributeUpdated a) {
            return a.attribute() + " = " + a.value();
        }
        Update.Notification n = (Update.Notification) u;
        return "notify " + n.topic() + " " + n.payload();
    }

    private static String quest(String id, QuestState q) {
        return id + " " + q.progress() + (q.target() == null ? "" : "/" + q.target())
                + (q.completions() == 0 ? "" : ", completed " + q.completions() + "x");
    }

    private static String failure(RuleFailure f) {
        return f.ruleId() + " " + f.code() + " (" + f.message() + ")";
    }

    private static String suppression(RuleSuppression s) {
        return s.ruleId() + " (" + s.reason() + ")";
    }

    private static String signed(long delta) {
        return delta < 0 ? Long.toString(delta) : "+" + delta;
    }

    private static String join(Map<String, ?> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder out, String label, String text) {
        if (!text.isEmpty()) {
            out.append("    ").append(String.format("%-11s", label)).append(text).append(NL);
        }
    }
}
