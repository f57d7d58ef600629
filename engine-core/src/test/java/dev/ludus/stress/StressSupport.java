package dev.ludus.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.EventQuery;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Shared pieces of the concurrency and fault tests: the game, event generation and sequential replay. */
final class StressSupport {
    static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    private StressSupport() {
    }

    static String game() {
        try (InputStream in = StressSupport.class.getResourceAsStream("/stress/game.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InMemoryPlayerStore storeKeepingAllHistory() {
        return InMemoryPlayerStore.builder().historyPerPlayer(1_000_000).build();
    }

    static RuleEngine engine(PlayerStore store) {
        return Ludus.builder().game(game()).store(store).maxCommitRetries(64).build();
    }

    /** Unique events (each with its own idempotency key) over {@code players} players. */
    static List<Event> events(long seed, int count, int players) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean redeem = random.nextInt(5) == 0;
            events.add(Event.builder()
                    .eventId("e" + i)
                    .externalUserId("player-" + random.nextInt(players))
                    .eventType(redeem ? "redeem" : "purchase")
                    .idempotencyKey("key-" + i)
                    .timestamp(T0.plusSeconds(i))
                    .properties(redeem ? Map.of() : Map.of("amount", random.nextInt(100)))
                    .build());
        }
        return events;
    }

    /** A resend of {@code event}: same key and payload, new event id. */
    static Event resend(Event event, int attempt) {
        return event.toBuilder().eventId(event.eventId() + "-resend-" + attempt).build();
    }

    /**
     * Replays, one after the other on a fresh engine, the events each player committed, in commit (version)
     * order, and checks that every player's state equals the concurrent run's.
     */
    static void assertEqualsSequentialReplay(RuleEngine concurrent, List<Event> unique, List<String> players) {
        Map<String, Event> byId = new java.util.HashMap<>();
        unique.forEach(e -> byId.put(e.eventId(), e));
        RuleEngine replay = engine(storeKeepingAllHistory());
        for (String player : players) {
            List<HistoryEntry> committed = new ArrayList<>(
                    concurrent.events().list(new EventQuery(player, null, 1000, null)).entries());
            String cursor = concurrent.events().list(new EventQuery(player, null, 1000, null)).nextCursor();
            while (cursor != null) {
                var page = concurrent.events().list(new EventQuery(player, null, 1000, cursor));
                committed.addAll(page.entries());
                cursor = page.nextCursor();
            }
            committed.sort(Comparator.comparingLong(HistoryEntry::version));
            for (HistoryEntry entry : committed) {
                Event original = byId.get(entry.eventId().replaceAll("-resend-\\d+$", ""));
                assertThat(original).as("committed event %s is one of the generated ones", entry.eventId()).isNotNull();
                replay.track(original);
            }
            PlayerState expected = replay.player(player).orElse(null);
            PlayerState actual = concurrent.player(player).orElse(null);
            assertThat(actual).as("state of %s", player).isEqualTo(expected);
        }
    }
}
