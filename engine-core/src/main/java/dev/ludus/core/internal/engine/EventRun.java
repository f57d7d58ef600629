package dev.ludus.core.internal.engine;

import dev.ludus.api.ConditionTrace;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleOutcome;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.RuleTrace;
import dev.ludus.api.Update;
import dev.ludus.api.spi.ActionContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.core.internal.compile.CandidateIndex;
import dev.ludus.core.internal.compile.Candidates;
import dev.ludus.core.internal.compile.CompiledAction;
import dev.ludus.core.internal.compile.CompiledCondition;
import dev.ludus.core.internal.compile.CompiledGame;
import dev.ludus.core.internal.compile.CompiledRule;
import dev.ludus.core.internal.compile.FiredRules;
import dev.ludus.core.internal.compile.Limits;
import dev.ludus.core.internal.condition.ObservedCondition;
import dev.ludus.core.internal.condition.PropertyPath;
import dev.ludus.core.internal.history.Aggregate;
import dev.ludus.core.internal.history.HistoryView;
import dev.ludus.core.internal.state.Catalog;
import dev.ludus.core.internal.state.WorkingPlayer;
import dev.ludus.core.internal.util.JsonValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of one event, and of the events it derives, against one loaded player: feeds the
 * aggregates, runs the candidate rules in order, applies their actions to a {@link WorkingPlayer} rule by
 * rule (all or nothing), and records what happened. It is the context handed to conditions and actions.
 * When given a trace list it also explains each candidate rule (SPEC 11). Not thread-safe: one per attempt.
 */
final class EventRun implements ActionContext, HistoryView, PropertyPath.Lookup {
    private static final Object UNRESOLVED = new Object();

    /** How deeply level and quest rewards may trigger further rewards before the rule fails. */
    static final int MAX_REWARD_DEPTH = 8;
    /** How deeply derived events may nest (SPEC 4.3). */
    static final int MAX_CASCADE_DEPTH = 8;
    static final String LEVEL_UP = "level_up";

    /**
     * Each thread's run, reused by {@link #start} so that tracking does not allocate the run, its working player
     * and its lists per event. It stays in place while in use ({@link #busy}), so that an event costs no writes of
     * the thread-local; a run in use is never handed out again (a listener or custom action tracking an event from
     * inside a run gets a fresh one, which is not kept).
     */
    private static final ThreadLocal<EventRun> REUSED = new ThreadLocal<>();

    private CompiledGame game;
    private Catalog catalog;
    private ValidEvent root;
    private PlayerState loaded;
    private final WorkingPlayer player;
    private final EngineData data = new EngineData();
    private List<RuleTrace> traces;
    private boolean includeDrafts;
    /**
     * How many events {@code emit_event} may derive from the tracked event, its whole cascade included, and how
     * many the rules applied so far have derived. The depth limit alone lets a rule that emits its own trigger
     * type K times derive K^8 events; this bounds their number. {@code level_up} events are not counted: the
     * levels of the curve already bound them.
     */
    private int maxEmitted;
    private int emitted;
    /** Whether this thread's reused run is handed out: from {@link #start} to {@link #finish}. */
    private boolean busy;

    private final List<CompiledRule> rulesTriggered = new ArrayList<>(4);
    private final List<String> actionsExecuted = new ArrayList<>(8);
    private final List<RuleSuppression> rulesSuppressed = new ArrayList<>(0);
    private final List<RuleFailure> rulesFailed = new ArrayList<>(0);
    private final List<Update> updates = new ArrayList<>(8);
    /**
     * The rules the tracked event itself walked ({@code null} until it has, and when explaining), and the positions
     * in them of the rules that fired, bit i for rule i (see {@link #evaluate}): when they are all of
     * {@link #rulesTriggered}, the walk finds the result's shared lists by those bits ({@link Candidates#fired}).
     */
    private Candidates rootWalk;
    private long rootFired;

    /**
     * The (possibly derived) event being evaluated, the state before it, its nesting depth, and the events
     * its rules derived so far ({@code null} until one does).
     */
    private ValidEvent current;
    private PlayerState currentBefore;
    private int depth;
    private List<ValidEvent> derived;
    private int rewardDepth;
    /** The highest level whose level_up and rewards have been handled; levels above it are still due. */
    private int levelsHandled;
    /** Values of the game's property paths for the current event, resolved on first use. */
    private Object[] paths;

    /**
     * A run for explaining (or evaluating once) an event.
     *
     * @param traces where to explain each candidate rule, or {@code null} when not explaining
     */
    EventRun(CompiledGame game, ValidEvent event, PlayerState before, Map<String, Object> engineData,
             int maxEmitted, List<RuleTrace> traces, boolean includeDrafts) {
        this.player = new WorkingPlayer(before, game.catalog().levels());
        init(game, event, before, engineData, maxEmitted, traces, includeDrafts);
    }

    /**
     * @return a run of {@code event} for tracking (no traces), this thread's reused one unless it is in use; hand
     *         it back with {@link #finish()} once its result and commit have been built, or drop it with
     *         {@link #abandon()}
     */
    static EventRun start(CompiledGame game, ValidEvent event, PlayerState before, Map<String, Object> engineData,
                          int maxEmitted) {
        EventRun run = REUSED.get();
        if (run == null || run.busy) {
            EventRun fresh = new EventRun(game, event, before, engineData, maxEmitted, null, false);
            if (run == null) {
                fresh.busy = true;
                REUSED.set(fresh);
            }
            return fresh;
        }
        // Busy only once set up: a record the engine cannot read fails init, and the run must stay free then.
        run.player.reset(before, game.catalog().levels());
        run.init(game, event, before, engineData, maxEmitted, null, false);
        run.busy = true;
        return run;
    }

    /** @return this thread's reused run, or {@code null} before its first event or after {@link #abandon}; for tests */
    static EventRun reusedByThisThread() {
        return REUSED.get();
    }

    /** @return whether this run is handed out; for tests */
    boolean busy() {
        return busy;
    }

    /** Stops this thread from reusing this run, whose evaluation failed part way: its state is not trusted. */
    void abandon() {
        if (REUSED.get() == this) {
            REUSED.remove();
        }
    }

    /** Drops what this run refers to and makes it free for the thread's next event; it must not be used afterwards. */
    void finish() {
        game = null;
        catalog = null;
        root = current = null;
        loaded = currentBefore = null;
        rootWalk = null;
        data.release();
        derived = null;
        rulesTriggered.clear();
        actionsExecuted.clear();
        rulesSuppressed.clear();
        rulesFailed.clear();
        updates.clear();
        player.release();
        Arrays.fill(paths, null);
        busy = false;
    }

    private void init(CompiledGame game, ValidEvent event, PlayerState before, Map<String, Object> engineData,
                      int maxEmitted, List<RuleTrace> traces, boolean includeDrafts) {
        this.game = game;
        this.catalog = game.catalog();
        this.root = event;
        this.loaded = before;
        data.load(engineData, game);
        this.traces = traces;
        this.includeDrafts = includeDrafts;
        this.maxEmitted = maxEmitted;
        this.emitted = 0;
        this.levelsHandled = before.level();
        this.rewardDepth = 0;
        this.depth = 0;
        this.rootWalk = null;
        if (paths == null || paths.length != game.pathSlots()) {
            paths = new Object[game.pathSlots()];
        }
    }

    /** Evaluates the event and its derived events; returns the working player to commit. */
    WorkingPlayer run() {
        process(root, loaded, 0, false);
        player.mergeProfile(root.profile());
        return player;
    }

    /** @return the {@code processed} result of this run, after {@link #run()} */
    EventResult result(String ruleSetVersion) {
        FiredRules fired = rootWalk != null && Long.bitCount(rootFired) == rulesTriggered.size()
                ? rootWalk.fired(rootFired, rulesTriggered, game) : game.fired(rulesTriggered);
        // Rewards add actions and never remove any: as many actions as the rules have means that none ran.
        List<String> actions = fired.actionTypes().size() == actionsExecuted.size() ? fired.actionTypes()
                : game.sharedList(actionsExecuted);
        return new EventResult(root.eventId(), root.externalUserId(), root.eventType(), EventStatus.PROCESSED,
                ruleSetVersion, fired.ruleIds(), actions, immutable(rulesSuppressed), immutable(rulesFailed),
                immutable(updates), null, null);
    }

    /**
     * @return an unmodifiable copy that {@link List#copyOf} (in the result's constructor) does not copy again;
     *         the fixed-arity {@code List.of} overloads make one array where {@code copyOf} makes two
     */
    private static <T> List<T> immutable(List<T> l) {
        return switch (l.size()) {
            case 0 -> List.of();
            case 1 -> List.of(l.get(0));
            case 2 -> List.of(l.get(0), l.get(1));
            case 3 -> List.of(l.get(0), l.get(1), l.get(2));
            case 4 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3));
            case 5 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4));
            case 6 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5));
            case 7 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6));
            case 8 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7));
            case 9 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7),
                    l.get(8));
            case 10 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7),
                    l.get(8), l.get(9));
            default -> List.copyOf(l);
        };
    }

    /** @return the engine data to commit: aggregates and limit counters of rules still loaded */
    Map<String, Object> engineData() {
        return data.committed();
    }

    private void process(ValidEvent event, PlayerState before, int nesting, boolean isDerived) {
        CandidateIndex type = game.eventType(event.eventType());
        for (Aggregate aggregate : type.aggregates()) {
            Object stored = data.get(aggregate.key());
            Object next = aggregate.update(stored, event.timestamp(), event.properties());
            // null: nothing to keep yet (a distinct_count whose property the player's events never had), as the
            // player record's maps hold no nulls; stored itself: unchanged, and the engine data need not change
            if (next != null && next != stored) {
                data.put(aggregate.key(), next);
            }
        }
        current = event;
        Arrays.fill(paths, UNRESOLVED);
        currentBefore = before;
        depth = nesting;
        derived = null;
        if (traces == null && isDerived) {
            evaluate(game.derivedCandidates(event.eventType()));
        } else if (traces == null) {
            // Not derived, so the tracked event itself, at nesting 0.
            rootWalk = type.select(this);
            rootFired = evaluate(rootWalk);
        } else {
            explain(event, isDerived);
        }
        List<ValidEvent> emitted = derived;
        if (emitted != null) {
            for (ValidEvent next : emitted) {
                process(next, player.snapshot(loaded.version()), nesting + 1, true);
            }
        }
    }

    /**
     * Tests the candidates in order ({@link Candidates} says what each skips) and applies those that hold.
     *
     * @return the positions in {@code walk} of the rules that fired, bit i for rule i; for a walk of more than 64
     *         rules the bits wrap, which {@link Candidates#fired} never reads for such a walk
     */
    private long evaluate(Candidates walk) {
        CompiledRule[] candidates = walk.rules();
        Condition[][] tests = walk.tests();
        long[] floors = walk.floors();
        Object floorValue = walk.floorValue(this);
        boolean whole = floorValue instanceof Long;
        long value = whole ? (Long) floorValue : Long.MAX_VALUE;
        long fired = 0;
        for (int i = 0; i < candidates.length; i++) {
            long floor = floors == null ? Long.MIN_VALUE : floors[i];
            if (value < floor) {
                continue; // its first condition would be false: passed over without reading the rule
            }
            CompiledRule rule = candidates[i];
            // A whole number at or above the rule's floor satisfies its first condition: checked from the second.
            int from = whole && floor != Long.MIN_VALUE ? 1 : 0;
            if (!rule.activeAt(current.timestamp()) || !conditionsHold(rule, tests[i], from)) {
                continue;
            }
            String blocked = blockedBy(rule);
            if (blocked != null) {
                rulesSuppressed.add(new RuleSuppression(rule.id(), blocked));
                continue;
            }
            if (apply(rule)) {
                fired |= 1L << i;
                if (rule.stopProcessing()) {
                    break;
                }
            }
        }
        return fired;
    }

    private boolean conditionsHold(CompiledRule rule, Condition[] tests, int from) {
        try {
            for (int i = from; i < tests.length; i++) {
                if (!tests[i].test(this)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            rulesFailed.add(failure(rule, e, "condition"));
            return false;
        }
    }

    /** Applies a rule's actions all or nothing and records the fire against its limits; returns whether it fired. */
    private boolean apply(CompiledRule rule) {
        player.mark();
        int updatesMark = updates.size();
        int actionsMark = actionsExecuted.size();
        int derivedMark = derived == null ? 0 : derived.size();
        int emittedMark = emitted;
        try {
            runActions(rule.actions());
        } catch (Exception e) {
            player.rollback();
            levelsHandled = Math.min(levelsHandled, player.level());
            updates.subList(updatesMark, updates.size()).clear();
            actionsExecuted.subList(actionsMark, actionsExecuted.size()).clear();
            if (derived != null) {
                derived.subList(derivedMark, derived.size()).clear();
            }
            emitted = emittedMark; // the dropped events will not run, so they do not use up the limit
            rulesFailed.add(failure(rule, e, "action"));
            return false;
        }
        rulesTriggered.add(rule);
        if (rule.limits() != null) {
            recordFire(rule);
        }
        return true;
    }

    private static RuleFailure failure(CompiledRule rule, Exception e, String what) {
        return e instanceof LudusException le ? new RuleFailure(rule.id(), le.code(), le.getMessage())
                : new RuleFailure(rule.id(), ErrorCode.INTERNAL_ERROR, what + " failed: " + e);
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

    // ---- limits (SPEC 4.4): engine data "limit|<rule>" =
    //      [last fire epoch second, its nanos, fires, newest period bucket, fires in that period]

    /** @return the reason a limit blocks the rule now, or {@code null} */
    private String blockedBy(CompiledRule rule) {
        Limits limits = rule.limits();
        if (limits == null) {
            return null;
        }
        List<?> state = (List<?>) data.get(CompiledGame.limitKey(rule));
        if (state == null) {
            return null;
        }
        Instant now = current.timestamp();
        // Compared as durations: the last fire plus a cooldown of millions of years is past the last Instant.
        if (limits.cooldown() != null && Duration.between(lastFire(state), now).compareTo(limits.cooldown()) < 0) {
            return "cooldown";
        }
        if (limits.maxPerPlayer() > 0 && whole(state, 2) >= limits.maxPerPlayer()) {
            return "max_per_player";
        }
        if (limits.maxPerPeriod() > 0 && limits.period().bucket(now, limits.zone()) == whole(state, 3)
                && whole(state, 4) >= limits.maxPerPeriod()) {
            return "max_per_period";
        }
        return null;
    }

    private void recordFire(CompiledRule rule) {
        Limits limits = rule.limits();
        String key = CompiledGame.limitKey(rule);
        List<?> state = (List<?>) data.get(key);
        Instant now = current.timestamp();
        long bucket = limits.period() == null ? 0 : limits.period().bucket(now, limits.zone());
        if (state == null) {
            data.put(key, List.of(now.getEpochSecond(), (long) now.getNano(), 1L, bucket, 1L));
            return;
        }
        long periodBucket = whole(state, 3);
        long periodFires = whole(state, 4);
        // A fire in an older period (an event out of time order) is not counted against the newest one.
        if (bucket > periodBucket) {
            periodBucket = bucket;
            periodFires = 1;
        } else if (bucket == periodBucket) {
            periodFires++;
        }
        Instant last = now.isAfter(lastFire(state)) ? now : lastFire(state);
        data.put(key, List.of(last.getEpochSecond(), (long) last.getNano(), whole(state, 2) + 1, periodBucket,
                periodFires));
    }

    private static Instant lastFire(List<?> state) {
        return Instant.ofEpochSecond(whole(state, 0), whole(state, 1));
    }

    /**
     * @return a whole number of a rule's limit state: the engine stores {@code Long}s, but a store that serialises
     *         engine data may hand back any {@code Number} (an {@code Integer} after a JSON round trip)
     */
    private static long whole(List<?> state, int index) {
        return ((Number) state.get(index)).longValue();
    }

    @Override
    public Object lookup(PropertyPath path) {
        Object value = paths[path.slot()];
        if (value == UNRESOLVED) {
            value = path.resolve(current.properties());
            paths[path.slot()] = value;
        }
        return value;
    }

    @Override
    public Object aggregate(String key) {
        return data.get(key);
    }

    // ---- explain (SPEC 11)

    private void explain(ValidEvent event, boolean isDerived) {
        boolean stopped = false;
        for (CompiledRule rule : game.explainCandidates(event.eventType(), isDerived)) {
            RuleOutcome outcome;
            String reason = null;
            List<ConditionTrace> conditions = List.of();
            int updatesMark = updates.size();
            if (stopped) {
                outcome = RuleOutcome.SKIPPED;
                reason = "an earlier rule with stopProcessing fired";
            } else if ((reason = inactiveBecause(rule)) != null) {
                outcome = RuleOutcome.INACTIVE;
            } else {
                int failures = rulesFailed.size();
                conditions = traceConditions(rule);
                if (rulesFailed.size() > failures) {
                    outcome = RuleOutcome.FAILED;
                    RuleFailure failure = rulesFailed.get(rulesFailed.size() - 1);
                    reason = failure.code() + ": " + failure.message();
                } else if (!conditions.stream().allMatch(ConditionTrace::result)) {
                    outcome = RuleOutcome.CONDITIONS_FALSE;
                } else if ((reason = blockedBy(rule)) != null) {
                    outcome = RuleOutcome.SUPPRESSED;
                    rulesSuppressed.add(new RuleSuppression(rule.id(), reason));
                } else if (apply(rule)) {
                    outcome = RuleOutcome.FIRED;
                    stopped = rule.stopProcessing();
                } else {
                    outcome = RuleOutcome.FAILED;
                    RuleFailure failure = rulesFailed.get(rulesFailed.size() - 1);
                    reason = failure.code() + ": " + failure.message();
                }
            }
            traces.add(new RuleTrace(rule.id(), event.eventType(), outcome, reason, conditions,
                    outcome == RuleOutcome.FIRED ? updates.subList(updatesMark, updates.size()) : List.of()));
        }
    }

    private String inactiveBecause(CompiledRule rule) {
        if (!rule.enabled()) {
            return "disabled";
        }
        boolean draft = rule.status().equals("draft") || rule.status().equals("testing");
        if (!rule.status().equals("published") && !(draft && includeDrafts)) {
            return "status " + rule.status() + (draft ? " (drafts not included)" : "");
        }
        if (!rule.activeAt(current.timestamp())) {
            return "outside its active window [" + rule.activeFrom() + ", " + rule.activeUntil() + ")";
        }
        return null;
    }

    /**
     * Evaluates every condition for the trace, also those after the first that does not hold; only a failure of
     * a condition that tracking would have reached (all before it held) fails the rule, as it would in tracking.
     */
    private List<ConditionTrace> traceConditions(CompiledRule rule) {
        List<ConditionTrace> traces = new ArrayList<>(rule.conditions().size());
        boolean reached = true;
        for (CompiledCondition condition : rule.conditions()) {
            boolean result;
            try {
                result = condition.condition().test(this);
            } catch (Exception e) {
                if (reached) {
                    rulesFailed.add(failure(rule, e, "condition"));
                }
                result = false;
            }
            reached &= result;
            Map<String, Object> expected = new LinkedHashMap<>(condition.config());
            expected.remove("type");
            expected.values().removeIf(v -> v == null);
            traces.add(new ConditionTrace(condition.type(), condition.pointer(), result, actual(condition), expected));
        }
        return traces;
    }

    /** @return what a condition looked at, for the explain trace; {@code null} where nothing single applies */
    private Object actual(CompiledCondition condition) {
        if (condition.condition() instanceof ObservedCondition observed) {
            return observed.actual(this);
        }
        Map<String, Object> config = condition.config();
        String type = condition.type();
        if (config.get("property") instanceof String path && type.startsWith("property_")) {
            try {
                return property(path);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        PlayerState p = currentBefore;
        if (type.startsWith("player_level")) {
            return (long) p.level();
        }
        return switch (type) {
            case "player_xp_gte" -> p.xp();
            case "player_currency_gte" -> p.balance(String.valueOf(config.get("currency")));
            case "player_has_badge", "player_lacks_badge" -> p.badges().contains(String.valueOf(config.get("badgeId")));
            case "player_attribute_eq" -> p.attributes().get(String.valueOf(config.get("attribute")));
            case "time_window", "day_of_week" -> current.timestamp().toString();
            default -> null;
        };
    }

    // ---- EvaluationContext

    @Override
    public String eventId() {
        return current.eventId();
    }

    @Override
    public String externalUserId() {
        return current.externalUserId();
    }

    @Override
    public String eventType() {
        return current.eventType();
    }

    @Override
    public Instant timestamp() {
        return current.timestamp();
    }

    @Override
    public Map<String, Object> properties() {
        return current.properties();
    }

    @Override
    public Object property(String path) {
        Object value = PropertyPath.parse(path).resolve(current.properties());
        return value == PropertyPath.MISSING ? null : value;
    }

    @Override
    public PlayerState player() {
        return currentBefore;
    }

    // ---- ActionContext

    @Override
    public PlayerState current() {
        return player.snapshot(loaded.version());
    }

    @Override
    public void grantXp(long amount) {
        requireAmount(amount);
        long old = player.xp();
        long xp = saturatedAdd(old, amount);
        if (xp == old) {
            return;
        }
        player.setXp(xp);
        updates.add(new Update.XpUpdated(xp, xp - old, player.level()));
        // A level reward may grant XP itself: the shared cursor makes every level handled once, in order.
        while (levelsHandled < player.level()) {
            int level = ++levelsHandled;
            updates.add(new Update.LevelUp(level - 1, level));
            runRewards(catalog.levelRewards().getOrDefault(level, List.of()), "level " + level);
            if (levelUpEventsWanted()) {
                derive(LEVEL_UP, Map.of("from", (long) level - 1, "to", (long) level));
            }
        }
    }

    /**
     * @return whether reaching a level derives a {@code level_up} event: when a rule that can run triggers on it
     *         (in explain with drafts, a draft or testing one too) or a history condition counts them; explain
     *         derives exactly what tracking would, so both give the same result
     */
    private boolean levelUpEventsWanted() {
        if (game.derivedCandidates(LEVEL_UP).rules().length > 0 || game.eventType(LEVEL_UP).aggregates().length > 0) {
            return true;
        }
        return includeDrafts && Arrays.stream(game.explainCandidates(LEVEL_UP, true))
                .anyMatch(rule -> rule.enabled() && !rule.status().equals("archived"));
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
        if (player.hasAttribute(attribute) && JsonValues.equal(player.attribute(attribute), value)) {
            return;
        }
        player.setAttribute(attribute, value);
        updates.add(new Update.AttributeUpdated(attribute, value));
    }

    @Override
    public void emitEvent(String eventType, Map<String, Object> properties) {
        requireDepth(eventType);
        if (emitted >= maxEmitted) {
            // Named by what is emitted: emit_event and a custom action's ActionContext.emitEvent both come here.
            throw new LudusException(ErrorCode.CASCADE_LIMIT, "emitting '" + eventType + "' would derive more than "
                    + maxEmitted + " events from tracked event '" + root.eventType() + "' (its whole cascade "
                    + "counted); raise the limit with Ludus.builder().maxEmittedEvents(int)");
        }
        emitted++;
        add(eventType, properties);
    }

    @Override
    public void notify(String topic, Object payload) {
        updates.add(new Update.Notification(topic, payload));
    }

    private void derive(String eventType, Map<String, Object> properties) {
        requireDepth(eventType);
        add(eventType, properties);
    }

    private void requireDepth(String eventType) {
        if (depth + 1 > MAX_CASCADE_DEPTH) {
            throw new LudusException(ErrorCode.CASCADE_LIMIT, "derived event '" + eventType + "' would nest "
                    + (depth + 1) + " levels deep; at most " + MAX_CASCADE_DEPTH + " are allowed");
        }
    }

    private void add(String eventType, Map<String, Object> properties) {
        if (derived == null) {
            derived = new ArrayList<>(2);
        }
        derived.add(new ValidEvent(root.eventId(), root.externalUserId(), eventType, root.timestamp(), null,
                properties, Map.of()));
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
