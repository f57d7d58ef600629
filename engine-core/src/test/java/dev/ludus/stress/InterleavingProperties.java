package dev.ludus.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.Event;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the interleaving of players' events, as long as each player's own order is kept, the final
 * state is the one of tracking each player's events one after the other.
 */
class InterleavingProperties {
    private static final int PLAYERS = 3;
    private static ExecutorService pool;

    @BeforeContainer
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterContainer
    static void stopPool() {
        pool.shutdownNow();
    }

    record Step(int player, boolean redeem, int amount) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, PLAYERS - 1),
                Arbitraries.integers().between(0, 4).map(n -> n == 0),
                Arbitraries.integers().between(0, 99)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 60)
    void anyInterleavingKeepingEachPlayersOrder_endsInTheSequentialState(@ForAll("scripts") List<Step> script) {
        List<Event> interleaved = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            interleaved.add(event(i, script.get(i)));
        }
        List<Event> playerByPlayer = interleaved.stream()
                .sorted(Comparator.comparing(Event::externalUserId)) // stable: keeps each player's order
                .toList();

        RuleEngine sequential = engine();
        playerByPlayer.forEach(sequential::track);
        RuleEngine oneByOne = engine();
        interleaved.forEach(oneByOne::track);
        RuleEngine parallel = engine();
        parallel.trackBatch(interleaved);

        for (int p = 0; p < PLAYERS; p++) {
            String player = "player-" + p;
            PlayerState expected = sequential.player(player).orElse(null);
            assertThat(oneByOne.player(player).orElse(null)).as("interleaved, %s", player).isEqualTo(expected);
            assertThat(parallel.player(player).orElse(null)).as("parallel batch, %s", player).isEqualTo(expected);
        }
    }

    private static RuleEngine engine() {
        return Ludus.builder().game(StressSupport.game()).executor(pool).build();
    }

    private static Event event(int i, Step step) {
        return Event.builder()
                .eventId("e" + i)
                .externalUserId("player-" + step.player())
                .eventType(step.redeem() ? "redeem" : "purchase")
                .timestamp(StressSupport.T0.plusSeconds(i))
                .properties(step.redeem() ? Map.of() : Map.of("amount", step.amount()))
                .build();
    }

}
