package dev.ludus.history;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import dev.ludus.testkit.EngineDataEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Games, events and a recording store shared by the history, limit and cascade tests. */
final class HistoryTestSupport {
    /** "Now" of the engine clock: far from every event time used, so a test notices a wall-clock read. */
    static final Instant CLOCK_NOW = Instant.parse("2031-06-15T12:00:00Z");
    static final String PLAYER = "p1";

    private static final AtomicLong IDS = new AtomicLong();

    private HistoryTestSupport() {
    }

    /** @return the text of {@code src/test/resources/history/<name>} */
    static String resource(String name) {
        try (InputStream in = HistoryTestSupport.class.getResourceAsStream("/history/" + name)) {
            Objects.requireNonNull(in, () -> "missing test resource history/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleEngine engine(String gameJson) {
        return Ludus.builder().game(gameJson).clock(Clock.fixed(CLOCK_NOW, ZoneOffset.UTC)).build();
    }

    static RuleEngine engine(String gameJson, PlayerStore store) {
        return Ludus.builder().game(gameJson).store(store).clock(Clock.fixed(CLOCK_NOW, ZoneOffset.UTC)).build();
    }

    /** An event of {@link #PLAYER} at {@code isoInstant} with properties given as name, value pairs. */
    static Event event(String type, String isoInstant, Object... nameValues) {
        return event(PLAYER, type, Instant.parse(isoInstant), nameValues);
    }

    static Event event(String player, String type, Instant at, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("properties come in name, value pairs");
        }
        Event.Builder b = Event.builder().eventId("e-" + IDS.incrementAndGet()).externalUserId(player)
                .eventType(type).timestamp(at);
        for (int i = 0; i < nameValues.length; i += 2) {
            b.property((String) nameValues[i], nameValues[i + 1]);
        }
        return b.build();
    }

    /** Tracks and checks the event was processed, so a rejected event never passes for "no rule fired". */
    static EventResult track(RuleEngine engine, Event event) {
        EventResult result = engine.track(event);
        if (result.status() != EventStatus.PROCESSED) {
            throw new AssertionError("expected a processed result for " + event + ", got " + result);
        }
        return result;
    }

    /**
     * A game whose rules {@code ge-1} … {@code ge-<max>} all trigger on {@code trigger} and carry
     * {@code condition} (a JSON object without its closing brace) with {@code "min": k}. Tracking one
     * event then fires exactly the rules whose threshold the measured value reaches, so
     * {@link #measured} reads the value back (for values up to {@code max}).
     */
    static String thresholdGame(String trigger, String conditionWithoutMin, int max) {
        StringBuilder rules = new StringBuilder();
        for (int k = 1; k <= max; k++) {
            rules.append(k == 1 ? "" : ",\n").append("""
                    { "id": "ge-%d", "name": "at least %d", "trigger": { "eventType": "%s" },
                      "conditions": [ %s, "min": %d } ],
                      "actions": [ { "type": "grant_xp", "amount": 0 } ] }""".formatted(k, k, trigger,
                    conditionWithoutMin, k));
        }
        return "[\n" + rules + "\n]";
    }

    /** @return how many {@code ge-k} rules of a {@link #thresholdGame} fired */
    static long measured(EventResult result) {
        return result.rulesTriggered().stream().filter(id -> id.startsWith("ge-")).count();
    }

    /** Tracks each event in turn and returns the value measured by a {@link #thresholdGame} after each. */
    static List<Long> measureAll(RuleEngine engine, Event... events) {
        List<Long> values = new ArrayList<>();
        for (Event e : events) {
            values.add(measured(track(engine, e)));
        }
        return values;
    }

    /**
     * A {@link PlayerStore} that delegates to the in-memory store and remembers the engine data of the last
     * commit written, for white-box checks on what the engine keeps per player: its entries, by key.
     */
    static class RecordingStore implements PlayerStore {
        private final InMemoryPlayerStore delegate = InMemoryPlayerStore.create();
        private volatile Map<String, Object> lastEngineData = Map.of();
        private final AtomicLong commits = new AtomicLong();

        Map<String, Object> lastEngineData() {
            return lastEngineData;
        }

        long commits() {
            return commits.get();
        }

        @Override
        public Optional<PlayerRecord> load(String externalUserId) {
            return delegate.load(externalUserId);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String externalUserId, String key) {
            return delegate.findIdempotency(externalUserId, key);
        }

        @Override
        public boolean commit(PlayerCommit commit) {
            boolean written = delegate.commit(commit);
            if (written) {
                lastEngineData = new LinkedHashMap<>(EngineDataEntries.of(commit.record().engineData()));
                commits.incrementAndGet();
            }
            return written;
        }

        @Override
        public List<HistoryEntry> history(String externalUserId, String eventType, long beforeVersion, int limit) {
            return delegate.history(externalUserId, eventType, beforeVersion, limit);
        }

        @Override
        public Optional<HistoryEntry> findEvent(String eventId) {
            return delegate.findEvent(eventId);
        }
    }
}
