package dev.ludus.core.internal.engine;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.GameInfo;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.internal.compile.CompiledGame;
import dev.ludus.core.internal.compile.GameCompiler;
import dev.ludus.core.internal.state.WorkingPlayer;
import dev.ludus.core.internal.util.EventIds;
import dev.ludus.core.internal.util.Fingerprint;
import dev.ludus.api.EventHistory;
import dev.ludus.api.Explanation;
import dev.ludus.api.RuleTrace;
import dev.ludus.api.EventListener;
import dev.ludus.api.EventPage;
import dev.ludus.api.EventQuery;
import dev.ludus.api.EventStatusView;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The engine: validate, resolve idempotency, load, evaluate, commit once with optimistic concurrency.
 * Thread-safe: the compiled game is immutable and all per-event state lives in an {@link EventRun}.
 */
final class DefaultRuleEngine implements RuleEngine {
    /** What {@link StoreHistory} issues: "v" and the version of the last entry of a page. */
    private static final Pattern CURSOR = Pattern.compile("v[1-9][0-9]{0,18}");

    private volatile CompiledGame game;
    private final GameCompiler compiler;
    private final PlayerStore store;
    private final EventValidator validator;
    private final int maxCommitRetries;
    private final int maxEmittedEvents;
    private final Executor executor;
    private final Dispatcher dispatcher = new Dispatcher();
    private final EventHistory history = new StoreHistory();

    DefaultRuleEngine(GameCompiler compiler, CompiledGame game, PlayerStore store, EventValidator validator,
                      int maxCommitRetries, int maxEmittedEvents, Executor executor) {
        this.compiler = compiler;
        this.game = game;
        this.store = store;
        this.validator = validator;
        this.maxCommitRetries = maxCommitRetries;
        this.maxEmittedEvents = maxEmittedEvents;
        this.executor = executor;
    }

    @Override
    public EventResult track(Event event) {
        Objects.requireNonNull(event, "event");
        CompiledGame game = this.game; // events in flight finish on the rules they started with
        String eventId = event.eventId() != null ? event.eventId() : EventIds.random();
        String version = game.info().ruleSetVersion();
        ValidEvent valid;
        try {
            valid = validator.validate(event, eventId);
        } catch (LudusException e) {
            return EventResult.error(eventId, event.externalUserId(), event.eventType(), EventStatus.REJECTED, version,
                    e.code(), e.getMessage());
        }
        String fingerprint = fingerprint(valid);
        for (int attempt = 0; attempt <= maxCommitRetries; attempt++) {
            EventResult result = attempt(game, valid, fingerprint, version);
            if (result != null) {
                return result;
            }
        }
        return failure(valid, version, ErrorCode.CONFLICT, "player '" + valid.externalUserId()
                + "' was changed concurrently " + (maxCommitRetries + 1) + " times in a row (raise maxCommitRetries)");
    }

    /** @return the result of one attempt, or {@code null} when the commit lost a race and must be retried */
    private EventResult attempt(CompiledGame game, ValidEvent event, String fingerprint, String version) {
        Loaded loaded;
        try {
            loaded = load(event, fingerprint, version);
        } catch (Exception e) {
            return storeFailure(event, version, e);
        }
        if (loaded.replay() != null) {
            return loaded.replay();
        }
        EventResult result;
        PlayerCommit commit;
        EventRun run = null;
        boolean finished = false;
        try {
            PlayerState before = loaded.before(game, event.externalUserId());
            run = EventRun.start(game, event, before, loaded.engineData(), maxEmittedEvents);
            WorkingPlayer after = run.run();
            result = run.result(version);
            PlayerRecord record = new PlayerRecord(after.snapshot(before.version() + 1), run.engineData());
            run.finish();
            finished = true;
            IdempotencyRecord key = fingerprint == null ? null
                    : new IdempotencyRecord(event.idempotencyKey(), fingerprint, event.timestamp(), result);
            HistoryEntry entry = new HistoryEntry(event.eventId(), event.externalUserId(), event.eventType(),
                    event.timestamp(), record.version(), event.properties(), result.rulesTriggered(),
                    result.actionsExecuted());
            commit = new PlayerCommit(event.externalUserId(), before.version(), record, key, entry);
        } catch (Exception | StackOverflowError e) {
            // A bug, or a store's record the engine cannot read: the run is dropped (not reused) with its changes.
            return evaluationFailure(event, version, e);
        } finally {
            // Also when an Error (from a custom type, say) goes on to the caller.
            if (run != null && !finished) {
                run.abandon();
            }
        }
        try {
            return commit(commit, result) ? result : null;
        } catch (Exception e) {
            return storeFailure(event, version, e);
        }
    }

    /** Commits; with subscribers, publishes the result under the player's lock, in commit order. */
    private boolean commit(PlayerCommit commit, EventResult result) {
        if (!dispatcher.hasSubscribers()) {
            return store.commit(commit);
        }
        return dispatcher.commitInOrder(commit.externalUserId(), () -> store.commit(commit), result);
    }

    /** The player's committed record (or none), or the replayed outcome when the event's key was seen. */
    private record Loaded(PlayerRecord record, EventResult replay) {
        PlayerState before(CompiledGame game, String externalUserId) {
            return record != null ? game.catalog().levels().levelled(record.state()) : initial(game, externalUserId);
        }

        Map<String, Object> engineData() {
            return record == null ? Map.of() : record.engineData();
        }
    }

    /**
     * Loads first, then looks the key up: a key committed after this load also moved the version on, so a
     * commit based on this load fails and the retry finds the key.
     *
     * @throws RuntimeException whatever the store throws (or a checked exception a store threw undeclared)
     */
    private Loaded load(ValidEvent event, String fingerprint, String version) {
        PlayerRecord record = store.load(event.externalUserId()).orElse(null);
        if (event.idempotencyKey() != null) {
            Optional<IdempotencyRecord> seen = store.findIdempotency(event.externalUserId(), event.idempotencyKey());
            if (seen.isPresent()) {
                return new Loaded(record, replay(event, fingerprint, seen.get(), version));
            }
        }
        return new Loaded(record, null);
    }

    /**
     * @param version the rule set this attempt runs on: a conflict is this event's own rejection and carries it;
     *                a duplicate carries the original's outcome, its rule set version included
     */
    private EventResult replay(ValidEvent event, String fingerprint, IdempotencyRecord seen, String version) {
        EventResult original = seen.result();
        if (!seen.fingerprint().equals(fingerprint)) {
            return EventResult.error(event.eventId(), event.externalUserId(), event.eventType(), EventStatus.REJECTED,
                    version, ErrorCode.IDEMPOTENCY_CONFLICT, "idempotencyKey '"
                            + event.idempotencyKey() + "' was already used by event '" + original.eventId()
                            + "' with a different payload (event type or properties)");
        }
        return new EventResult(event.eventId(), event.externalUserId(), event.eventType(), EventStatus.DUPLICATE,
                original.ruleSetVersion(), original.rulesTriggered(), original.actionsExecuted(),
                original.rulesSuppressed(), original.rulesFailed(), original.updates(), null, original.eventId());
    }

    private static EventResult evaluationFailure(ValidEvent event, String version, Throwable e) {
        return failure(event, version, ErrorCode.INTERNAL_ERROR, "evaluation failed: " + e);
    }

    private static EventResult storeFailure(ValidEvent event, String version, Exception e) {
        return failure(event, version, ErrorCode.STORE_ERROR, "player store failed: " + e);
    }

    private static EventResult failure(ValidEvent event, String version, ErrorCode code, String message) {
        return EventResult.error(event.eventId(), event.externalUserId(), event.eventType(), EventStatus.FAILED,
                version, code, message);
    }

    @Override
    public List<EventResult> trackBatch(List<Event> events) {
        Objects.requireNonNull(events, "events");
        Map<String, List<Integer>> byPlayer = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String player = Objects.requireNonNull(events.get(i), "events[" + i + "]").externalUserId();
            byPlayer.computeIfAbsent(player == null ? "" : player, p -> new ArrayList<>()).add(i);
        }
        EventResult[] results = new EventResult[events.size()];
        // One player (or none) runs on the calling thread alone: Batch gives the executor no task then.
        Batch.run(byPlayer.values(), indexes -> trackAll(events, indexes, results), executor);
        return Arrays.asList(results);
    }

    /** Tracks one player's events in input order. */
    private void trackAll(List<Event> events, List<Integer> indexes, EventResult[] results) {
        for (int i : indexes) {
            results[i] = track(events.get(i));
        }
    }

    @Override
    public CompletableFuture<EventResult> trackAsync(Event event) {
        Objects.requireNonNull(event, "event");
        // Not supplyAsync: given the common pool with fewer than two threads, it starts a thread per call (Batch).
        CompletableFuture<EventResult> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(track(event));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public EventHistory events() {
        return history;
    }

    @Override
    public Subscription subscribe(String topic, EventListener listener) {
        return dispatcher.subscribe(topic, listener);
    }

    @Override
    public Optional<PlayerState> player(String externalUserId) {
        Objects.requireNonNull(externalUserId, "externalUserId");
        try {
            CompiledGame game = this.game;
            return store.load(externalUserId).map(record -> game.catalog().levels().levelled(record.state()));
        } catch (Exception e) {
            throw new LudusException(ErrorCode.STORE_ERROR, "player store failed: " + e, e);
        }
    }

    @Override
    public GameInfo game() {
        return game.info();
    }

    @Override
    public GameInfo reload(String gameJson) {
        Objects.requireNonNull(gameJson, "gameJson");
        CompiledGame next = compiler.compile(gameJson);
        game = next;
        return next.info();
    }

    @Override
    public Explanation explain(Event event, boolean includeDrafts) {
        Objects.requireNonNull(event, "event");
        CompiledGame game = this.game;
        String eventId = event.eventId() != null ? event.eventId() : EventIds.random();
        String version = game.info().ruleSetVersion();
        ValidEvent valid;
        try {
            valid = validator.validate(event, eventId);
        } catch (LudusException e) {
            return new Explanation(EventResult.error(eventId, event.externalUserId(), event.eventType(),
                    EventStatus.REJECTED, version, e.code(), e.getMessage()), List.of());
        }
        Loaded loaded;
        try {
            loaded = load(valid, fingerprint(valid), version);
        } catch (Exception e) {
            throw new LudusException(ErrorCode.STORE_ERROR, "player store failed: " + e, e);
        }
        if (loaded.replay() != null) {
            return new Explanation(loaded.replay(), List.of());
        }
        List<RuleTrace> traces = new ArrayList<>();
        try {
            EventRun run = new EventRun(game, valid, loaded.before(game, valid.externalUserId()), loaded.engineData(),
                    maxEmittedEvents, traces, includeDrafts);
            run.run();
            return new Explanation(run.result(version), traces);
        } catch (Exception | StackOverflowError e) { // as in attempt: the result tracking would give
            return new Explanation(evaluationFailure(valid, version, e), List.of());
        }
    }

    /** @return the payload digest of an event with an idempotency key, else {@code null} */
    private static String fingerprint(ValidEvent event) {
        return event.idempotencyKey() == null ? null : Fingerprint.of(event.eventType(), event.properties());
    }

    private static PlayerState initial(CompiledGame game, String externalUserId) {
        return PlayerState.initial(externalUserId, game.catalog().levels().xpToNextLevel(0));
    }

    /** History read from the store; cursors are {@code v<version>} of the last entry returned. */
    private final class StoreHistory implements EventHistory {
        @Override
        public EventPage list(EventQuery query) {
            Objects.requireNonNull(query, "query");
            long before = query.cursor() == null ? Long.MAX_VALUE : parseCursor(query.cursor());
            List<HistoryEntry> entries;
            try {
                entries = store.history(query.externalUserId(), query.eventType(), before, query.limit() + 1);
            } catch (Exception e) {
                throw new LudusException(ErrorCode.STORE_ERROR, "player store failed: " + e, e);
            }
            if (entries.size() <= query.limit()) {
                return new EventPage(entries, null);
            }
            List<HistoryEntry> page = entries.subList(0, query.limit());
            return new EventPage(page, "v" + page.get(page.size() - 1).version());
        }

        /** @return the version a cursor names: "v" and a positive whole number without sign or leading zero */
        private long parseCursor(String cursor) {
            if (CURSOR.matcher(cursor).matches()) {
                try {
                    return Long.parseLong(cursor.substring(1));
                } catch (NumberFormatException beyondLong) {
                    // reported below
                }
            }
            throw new IllegalArgumentException("not a cursor issued by this history: '" + cursor + "'");
        }

        @Override
        public Optional<EventStatusView> getStatus(String eventId) {
            Objects.requireNonNull(eventId, "eventId");
            try {
                return store.findEvent(eventId).map(h -> new EventStatusView(h.eventId(), EventStatus.PROCESSED,
                        h.rulesTriggered(), h.actionsExecuted()));
            } catch (Exception e) {
                throw new LudusException(ErrorCode.STORE_ERROR, "player store failed: " + e, e);
            }
        }
    }
}
