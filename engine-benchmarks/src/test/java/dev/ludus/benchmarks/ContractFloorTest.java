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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

        for (Event event : RW_1000.events()) {
            EventResult ludus = engine.track(event);
            EventResult ours = floor.track(event);
            assertThat(ours.status()).isEqualTo(ludus.status()).isEqualTo(EventStatus.PROCESSED);
            assertThat(ours.eventId()).hasSize(36).isNotEqualTo(ludus.eventId());
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
            assertThat(floor.history(player)).extracting(HistoryEntry::version, HistoryEntry::eventType,
                            HistoryEntry::properties, HistoryEntry::rulesTriggered, HistoryEntry::actionsExecuted)
                    .isEqualTo(kept.stream().map(e -> Tuple.tuple(e.version(), e.eventType(),
                            e.properties(), e.rulesTriggered(), e.actionsExecuted())).toList());
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
        EventResult badValue = floor.track(Event.of("p", "type_00", Map.of("score", List.of(1))));

        assertThat(blank.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(blank.error().code()).isEqualTo(ErrorCode.INVALID_EVENT);
        assertThat(blank.error().message()).isEqualTo("eventType is invalid");
        assertThat(badValue.error().message()).isEqualTo("properties.score is invalid");
        assertThat(floor.snapshot("p")).containsExactly(0, 0, 1, 0);
        assertThat(floor.history("p")).isEmpty();
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
