package dev.ludus.core.internal.engine;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import dev.ludus.api.spi.ActionContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.core.internal.compile.CompiledAction;
import dev.ludus.core.internal.compile.CompiledGame;
import dev.ludus.core.internal.compile.CompiledRule;
import dev.ludus.core.internal.condition.PropertyPath;
import dev.ludus.core.internal.state.Catalog;
import dev.ludus.core.internal.state.WorkingPlayer;
import dev.ludus.core.internal.util.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of one event against one loaded player: runs the candidate rules in order, applies their
 * actions to a {@link WorkingPlayer} rule by rule (all or nothing), and records what happened. Is the
 * {@link ActionContext} handed to conditions and actions. Not thread-safe: one per attempt.
 */
final class EventRun implements ActionContext {
    /** How deeply level and quest rewards may trigger further rewards before the rule fails. */
    static final int MAX_REWARD_DEPTH = 8;

    private final CompiledGame game;
    private final Catalog catalog;
    private final ValidEvent event;
    private final PlayerState before;
    private final WorkingPlayer player;

    final List<String> rulesTriggered = new ArrayList<>(4);
    final List<String> actionsExecuted = new ArrayList<>(8);
    final List<RuleSuppression> rulesSuppressed = new ArrayList<>(0);
    final List<RuleFailure> rulesFailed = new ArrayList<>(0);
    final List<Update> updates = new ArrayList<>(8);
    private int rewardDepth;

    EventRun(CompiledGame game, ValidEvent event, PlayerState before) {
        this.game = game;
        this.catalog = game.catalog();
        this.event = event;
        this.before = before;
        this.player = new WorkingPlayer(before, catalog.levels());
    }

    /** Evaluates every candidate rule; returns the working player to commit. */
    WorkingPlayer run() {
        for (CompiledRule rule : game.candidates(event.eventType())) {
            if (!rule.activeAt(event.timestamp()) || !conditionsHold(rule)) {
                continue;
            }
            if (apply(rule) && rule.stopProcessing()) {
                break;
            }
        }
        player.mergeProfile(event.profile());
        return player;
    }

    private boolean conditionsHold(CompiledRule rule) {
        try {
            for (Condition condition : rule.conditions()) {
                if (!condition.test(this)) {
                    return false;
                }
            }
            return true;
        } catch (LudusException e) {
            rulesFailed.add(new RuleFailure(rule.id(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            rulesFailed.add(new RuleFailure(rule.id(), ErrorCode.INTERNAL_ERROR, "condition failed: " + e));
        }
        return false;
    }

    /** Applies a rule's actions all or nothing; returns whether it fired. */
    private boolean apply(CompiledRule rule) {
        int mark = player.mark();
        int updatesMark = updates.size();
        int actionsMark = actionsExecuted.size();
        try {
            runActions(rule.actions());
            rulesTriggered.add(rule.id());
            return true;
        } catch (LudusException e) {
            undo(mark, updatesMark, actionsMark);
            rulesFailed.add(new RuleFailure(rule.id(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            undo(mark, updatesMark, actionsMark);
            rulesFailed.add(new RuleFailure(rule.id(), ErrorCode.INTERNAL_ERROR, "action failed: " + e));
        }
        return false;
    }

    private void undo(int mark, int updatesMark, int actionsMark) {
        player.rollback(mark);
        updates.subList(updatesMark, updates.size()).clear();
        actionsExecuted.subList(actionsMark, actionsExecuted.size()).clear();
    }

    private void runActions(List<CompiledAction> actions) {
        for (CompiledAction action : actions) {
            actionsExecuted.add(action.type());
            action.action().execute(this);
        }
    }

    private void runRewards(List<CompiledAction> rewards, String what) {
        if (rewards.isEmpty()) {
            return;
        }
        if (rewardDepth >= MAX_REWARD_DEPTH) {
            throw new LudusException(ErrorCode.CASCADE_LIMIT, "rewards of " + what + " nest deeper than "
                    + MAX_REWARD_DEPTH + " levels (a quest or level reward keeps triggering rewards)");
        }
        rewardDepth++;
        try {
            runActions(rewards);
        } finally {
            rewardDepth--;
        }
    }

    // ---- EvaluationContext

    @Override
    public String eventId() {
        return event.eventId();
    }

    @Override
    public String externalUserId() {
        return event.externalUserId();
    }

    @Override
    public String eventType() {
        return event.eventType();
    }

    @Override
    public Instant timestamp() {
        return event.timestamp();
    }

    @Override
    public Map<String, Object> properties() {
        return event.properties();
    }

    @Override
    public Object property(String path) {
        Object value = PropertyPath.parse(path).resolve(event.properties());
        return value == PropertyPath.MISSING ? null : value;
    }

    @Override
    public PlayerState player() {
        return before;
    }

    // ---- ActionContext

    @Override
    public PlayerState current() {
        return player.snapshot(before.version());
    }

    @Override
    public void grantXp(long amount) {
        requireAmount(amount);
        if (amount == 0) {
            return;
        }
        long old = player.xp();
        long xp = saturatedAdd(old, amount);
        if (xp == old) {
            return;
        }
        int from = player.setXp(xp);
        updates.add(new Update.XpUpdated(xp, xp - old, player.level()));
        for (int level = from + 1; level <= player.level(); level++) {
            updates.add(new Update.LevelUp(level - 1, level));
            runRewards(catalog.levelRewards().getOrDefault(level, List.of()), "level " + level);
        }
    }

    @Override
    public void grantCurrency(String currency, long amount) {
        requireAmount(amount);
        long old = player.balance(currency);
        long balance = Math.min(catalog.currencyMax(currency), saturatedAdd(old, amount));
        if (balance <= old) {
            return;
        }
        player.setBalance(currency, balance);
        updates.add(new Update.CurrencyUpdated(currency, balance, balance - old));
    }

    @Override
    public void deductCurrency(String currency, long amount) {
        requireAmount(amount);
        long old = player.balance(currency);
        if (old < amount) {
            throw new LudusException(ErrorCode.INSUFFICIENT_FUNDS,
                    "balance of '" + currency + "' is " + old + ", cannot deduct " + amount);
        }
        if (amount == 0) {
            return;
        }
        player.setBalance(currency, old - amount);
        updates.add(new Update.CurrencyUpdated(currency, old - amount, -amount));
    }

    @Override
    public void progressQuest(String questId, long amount) {
        requireAmount(amount);
        Catalog.Quest quest = catalog.quest(questId);
        QuestState state = player.quest(questId);
        if (state == null) {
            state = new QuestState(0, quest == null ? null : quest.target(), false, 0);
        }
        boolean done = state.completed() && (quest == null || !quest.repeatable());
        if (amount == 0 || done) {
            return;
        }
        long progress = saturatedAdd(state.progress(), amount);
        if (quest == null || progress < quest.target()) {
            Long target = quest == null ? null : quest.target();
            player.setQuest(questId, new QuestState(progress, target, state.completed(), state.completions()));
            updates.add(new Update.QuestProgress(questId, progress, target));
            return;
        }
        long completions = state.completions() + 1;
        player.setQuest(questId, new QuestState(quest.repeatable() ? 0 : quest.target(), quest.target(), true,
                completions));
        updates.add(new Update.QuestProgress(questId, quest.target(), quest.target()));
        updates.add(new Update.QuestCompleted(questId, completions));
        runRewards(quest.rewards(), "quest '" + questId + "'");
    }

    @Override
    public void awardBadge(String badgeId) {
        if (!player.hasBadge(badgeId)) {
            player.addBadge(badgeId);
            updates.add(new Update.BadgeEarned(badgeId));
        }
    }

    @Override
    public void setAttribute(String attribute, Object value) {
        Map<String, Object> attributes = player.attributes();
        if (attributes.containsKey(attribute) && JsonValues.equal(attributes.get(attribute), value)) {
            return;
        }
        player.setAttribute(attribute, value);
        updates.add(new Update.AttributeUpdated(attribute, value));
    }

    private static void requireAmount(long amount) {
        if (amount < 0) {
            throw new LudusException(ErrorCode.INVALID_AMOUNT, "amount must be >= 0, was " + amount);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
