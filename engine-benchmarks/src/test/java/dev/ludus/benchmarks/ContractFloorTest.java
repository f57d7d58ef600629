package dev.ludus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.EventQuery;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ContractFloorTest {
    private static final ReferenceWorkload RW_1000 = ReferenceWorkload.rw1000();
    private static final int HISTORY = 3;

    @Test
    void everyResult_listsWhatLudusLists_andEveryPlayerEndsInLudusState() {
        RuleEngine engine = Ludus.builder().game(RW_1000.gameJson())
                .store(InMemoryPlayerStore.builder().historyPerPlayer(HISTORY).build()).build();
        ContractFloor floor = new ContractFloor(RW_1000.rules(), HISTORY);
        Map<String, EventResult> results = new HashMap<>();
        Instant start = Instant.now();

        for (Event event : RW_1000.events()) {
            EventResult ludus = engine.track(event);
            EventResult ours = floor.track(event);
            assertThat(ours.status()).isEqualTo(ludus.status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(UUID.fromString(ours.eventId()).version()).isEqualTo(4);
            assertThat(UUID.fromString(ours.eventId()).toString()).isEqualTo(ours.eventId());
            assertThat(results.put(ours.eventId(), ours)).as("an earlier result with id %s", ours.eventId()).isNull();
            assertThat(ours.rulesTriggered()).as("%s", event).isEqualTo(ludus.rulesTriggered());
            assertThat(ours.actionsExecuted()).as("%s", event).isEqualTo(ludus.actionsExecuted());
            assertThat(ours.updates()).as("%s", event).isEqualTo(ludus.updates());
        }
        for (Event event : RW_1000.events()) {
            String player = event.externalUserId();
            PlayerState state = engine.player(player).orElseThrow();
            assertThat(floor.snapshot(player)).as("version, xp, level, coins of %s", player)
                    .containsExactly(state.version(), state.xp(), state.level(), state.balance("coins"));
            List<HistoryEntry> kept = new ArrayList<>(engine.events().list(EventQuery.of(player, HISTORY)).entries());
            Collections.reverse(kept); // Ludus lists the newest first
            List<HistoryEntry> ours = floor.history(player);
            assertThat(ours).extracting(HistoryEntry::version, HistoryEntry::externalUserId, HistoryEntry::eventType,
                            HistoryEntry::properties, HistoryEntry::rulesTriggered, HistoryEntry::actionsExecuted)
                    .isEqualTo(kept.stream().map(e -> Tuple.tuple(e.version(), e.externalUserId(), e.eventType(),
                            e.properties(), e.rulesTriggered(), e.actionsExecuted())).toList());
            for (HistoryEntry entry : ours) {
                EventResult result = results.get(entry.eventId());
                assertThat(result).as("the result of history entry %s", entry.eventId()).isNotNull();
                assertThat(result.externalUserId()).isEqualTo(player);
                assertThat(entry.rulesTriggered()).isEqualTo(result.rulesTriggered());
                assertThat(entry.timestamp()).isBetween(start, Instant.now());
            }
        }
    }

    @Test
    void withoutHistory_keepsNone() {
        ContractFloor floor = new ContractFloor(RW_1000.rules(), 0);
        Event event = RW_1000.events().get(0);

        floor.track(event);

        assertThat(floor.history(event.externalUserId())).isEmpty();
        assertThat(floor.snapshot(event.externalUserId())[0]).isEqualTo(1);
    }

    @Test
    void invalidEvent_isRejectedAndChangesNothing() {
        ContractFloor floor = new ContractFloor(RW_1000.rules(), HISTORY);

        EventResult blank = floor.track(Event.of("p", "", Map.of()));
        EventResult control = floor.track(Event.of("p\u0007", "type_00", Map.of()));
        EventResult notFinite = floor.track(Event.of("p", "type_00", Map.of("score", Double.NaN)));
        EventResult tooDeep = floor.track(Event.of("p", "type_00",
                Map.of("a", List.of(List.of(List.of(List.of(List.of(List.of(List.of(List.of(1)))))))))));

        assertThat(blank.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(blank.error().code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(blank.error().message()).isEqualTo("eventType is invalid");
        assertThat(control.error().message()).isEqualTo("externalUserId is invalid");
        assertThat(notFinite.error().message()).isEqualTo("properties.score is invalid");
        assertThat(tooDeep.error().message()).isEqualTo("properties.a is invalid");
        assertThat(floor.snapshot("p")).containsExactly(0, 0, 1, 0);
        assertThat(floor.history("p")).isEmpty();
        EventResult nested = floor.track(Event.of("p", "type_00",
                Map.of("tags", List.of("featured"), "order", Map.of("total", 149.99), "none", Map.of())));
        assertThat(nested.status()).as("SPEC 2 allows lists and maps").isEqualTo(EventStatus.PROCESSED);
        assertThat(floor.snapshot("p")).containsExactly(1, 0, 1, 0);
    }

    @Test
    void givenEventId_isTheResultsAndTheHistorys() {
        ContractFloor floor = new ContractFloor(RW_1000.rules(), HISTORY);
        Event event = RW_1000.events().get(0).toBuilder().eventId("given-1").build();

        EventResult result = floor.track(event);

        assertThat(result.eventId()).isEqualTo("given-1");
        assertThat(floor.history(event.externalUserId())).extracting(HistoryEntry::eventId).containsExactly("given-1");
    }

    @Test
    void propertiesAtSpec2Limits_areAccepted_andBeyondThemRejected() {
        ContractFloor floor = new ContractFloor(RW_1000.rules(), HISTORY);
        Map<String, Object> keys256 = new LinkedHashMap<>();
        for (int k = 0; k < 254; k++) {
            keys256.put("k" + k, k);
        }
        keys256.put("nested", Map.of("last", 1)); // 255 keys at the top, one inside
        Map<String, Object> keys257 = new LinkedHashMap<>(keys256);
        keys257.put("nested", Map.of("last", 1, "one-more", 2));
        Object depth8 = List.of(List.of(List.of(List.of(List.of(List.of(List.of(1)))))));

        assertThat(floor.track(Event.of("p", "type_00", keys256)).status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(floor.track(Event.of("p", "type_00", Map.of("a", depth8))).status())
                .isEqualTo(EventStatus.PROCESSED);
        assertThat(floor.track(Event.of("p", "type_00", Map.of("s", "x".repeat(65_536)))).status())
                .isEqualTo(EventStatus.PROCESSED);
        assertThat(floor.track(Event.of("p", "type_00", keys257)).error().message())
                .isEqualTo("properties.nested is invalid");
        assertThat(floor.track(Event.of("p", "type_00", Map.of("s", "x".repeat(65_537)))).error().message())
                .isEqualTo("properties.s is invalid");
        assertThat(floor.snapshot("p")[0]).isEqualTo(3);
    }

    @Test
    void concurrentTracking_ofTheSamePlayers_losesNoCommit() throws Exception {
        ContractFloor floor = new ContractFloor(RW_1000.rules(), HISTORY);
        HandWrittenBaseline baseline = RW_1000.newBaseline();
        int threads = 4;
        List<Event> events = RW_1000.events();
        List<Event> hot = IntStream.range(0, events.size()).mapToObj(i -> Event.of("player-" + i % 4,
                events.get(i).eventType(), events.get(i).properties())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> hot.forEach(floor::track)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            HandWrittenBaseline.firedByBaseline(baseline, hot);
        }

        for (int p = 0; p < 4; p++) {
            String player = "player-" + p;
            assertThat(floor.snapshot(player)).as(player).containsExactly(baseline.version(player),
                    baseline.xp(player), baseline.level(player), baseline.coins(player));
            assertThat(floor.history(player)).extracting(HistoryEntry::version).containsExactly(
                    baseline.version(player) - 2, baseline.version(player) - 1, baseline.version(player));
        }
    }
}
