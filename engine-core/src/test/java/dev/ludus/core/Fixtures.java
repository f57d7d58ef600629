package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Small helpers shared by the engine-core contract tests: games as text, events at a fixed time, seeded players. */
final class Fixtures {
    /** The time every test event happens at unless a test says otherwise; also the fixed clock's now. */
    static final Instant T0 = Instant.parse("2026-11-21T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** @return an engine for the game on a fresh in-memory store and the fixed clock */
    /**
     * Runs {@code track} for {@code events} numbers from {@code threads} threads started together, thread t taking
     * t, t + threads, t + 2 × threads, …; waits at most 2 minutes.
     *
     * @return every result, thread by thread
     */
    static List<EventResult> trackConcurrently(int threads, int events, IntFunction<EventResult> track)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<EventResult>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<EventResult> results = new ArrayList<>();
                    start.await();
                    for (int i = thread; i < events; i += threads) {
                        results.add(track.apply(i));
                    }
                    return results;
                }));
            }
            start.countDown();
            List<EventResult> all = new ArrayList<>();
            for (Future<List<EventResult>> future : futures) {
                all.addAll(future.get(2, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Throws {@code e}, checked or not, from a method that declares nothing: what a store or a custom type written
     * in another JVM language, or using a "sneaky throw", can do.
     */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    static RuleEngine engine(String game) {
        return Ludus.builder().game(game).clock(CLOCK).build();
    }

    /** @return an engine for the game on the given store and the fixed clock */
    static RuleEngine engine(String game, PlayerStore store) {
        return Ludus.builder().game(game).store(store).clock(CLOCK).build();
    }

    /** @return {@code {"rules": [rules...]}} */
    static String rules(String... rules) {
        return "{\"rules\": [" + String.join(",\n", rules) + "]}";
    }

    /** @return a published rule with the given id, triggered by {@code eventType}, with conditions and actions as JSON arrays */
    static String rule(String id, String eventType, String conditions, String actions) {
        return """
                {"id": "%s", "name": "%s", "trigger": {"eventType": "%s"}, "conditions": %s, "actions": %s}"""
                .formatted(id, id, eventType, conditions, actions);
    }

    /** @return a rule with no conditions */
    static String rule(String id, String eventType, String actions) {
        return rule(id, eventType, "[]", actions);
    }

    /** @return properties from alternating keys and values; values may be {@code null} */
    static Map<String, Object> props(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** @return an event at {@link #T0} */
    static Event event(String user, String type, Map<String, ?> properties) {
        return Event.builder().externalUserId(user).eventType(type).timestamp(T0).properties(properties).build();
    }

    /** @return an event at {@link #T0} with no properties */
    static Event event(String user, String type) {
        return event(user, type, Map.of());
    }

    /** Tracks and asserts that the event was processed. */
    static EventResult processed(RuleEngine engine, Event event) {
        EventResult result = engine.track(event);
        assertThat(result.status()).as("status of %s (error %s)", event, result.error()).isEqualTo(EventStatus.PROCESSED);
        return result;
    }

    /** @return the committed state, which must exist */
    static PlayerState state(RuleEngine engine, String user) {
        return engine.player(user).orElseThrow(() -> new AssertionError("player " + user + " was never committed"));
    }

    /** Starts a player record to put straight into a store, bypassing rules. */
    static Seed seed(String user) {
        return new Seed(user);
    }

    /** A player state written directly into a store as version 1, so that player conditions have something to see. */
    static final class Seed {
        private final String user;
        private long xp;
        private int level = 1;
        private final Map<String, Long> currencies = new TreeMap<>();
        private final TreeSet<String> badges = new TreeSet<>();
        private final Map<String, QuestState> quests = new TreeMap<>();
        private final Map<String, Object> attributes = new TreeMap<>();

        private Seed(String user) {
            this.user = user;
        }

        Seed xp(long xp, int level) {
            this.xp = xp;
            this.level = level;
            return this;
        }

        Seed currency(String id, long balance) {
            currencies.put(id, balance);
            return this;
        }

        Seed badge(String id) {
            badges.add(id);
            return this;
        }

        Seed quest(String id, QuestState state) {
            quests.put(id, state);
            return this;
        }

        Seed attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        PlayerState state() {
            return new PlayerState(user, xp, level, 0, currencies, badges, quests, attributes, Map.of(), 1);
        }

        /** Commits the state as version 1 of a player the store has never seen. */
        void into(PlayerStore store) {
            HistoryEntry history = new HistoryEntry("seed-" + user, user, "seed", T0, 1, Map.of(), List.of(), List.of());
            boolean written = store.commit(new PlayerCommit(user, 0, new PlayerRecord(state(), Map.of()), null, history));
            assertThat(written).as("seeding %s", user).isTrue();
        }
    }
}
