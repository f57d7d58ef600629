package dev.ludus.core.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.PlayerState;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Balances in the working copy: the latest change is built into a map lazily, and marks undo every change. */
class WorkingPlayerTest {
    private static final LevelCurve CURVE = LevelCurve.linear(100, 10);

    @Test
    void balances_readBackEveryChange_andTheSnapshotHoldsThemAll() {
        WorkingPlayer player = player(Map.of("coins", 10L));
        player.setBalance("coins", 15);
        assertThat(player.balance("coins")).isEqualTo(15);
        player.setBalance(new String("gems"), 3);
        player.setBalance("coins", 20);

        assertThat(player.balance("coins")).isEqualTo(20);
        assertThat(player.balance("gems")).isEqualTo(3);
        assertThat(player.balance(new String("gems"))).isEqualTo(3);
        assertThat(player.balance("absent")).isZero();
        assertThat(player.snapshot(2).currencies()).containsExactly(Map.entry("coins", 20L), Map.entry("gems", 3L));
        assertThat(player.snapshot(2).currencies()).containsExactly(Map.entry("coins", 20L), Map.entry("gems", 3L));
    }

    @Test
    void rollback_undoesTheChangesSinceTheMark_builtIntoTheMapOrNot() {
        WorkingPlayer player = player(Map.of("coins", 10L));
        player.setBalance("coins", 11);
        player.mark();
        player.setBalance("coins", 12);
        player.setBalance("gems", 1);
        player.snapshot(2);
        player.setBalance("tokens", 7);
        player.rollback();

        assertThat(player.balance("coins")).isEqualTo(11);
        assertThat(player.balance("gems")).isZero();
        assertThat(player.balance("tokens")).isZero();
        assertThat(player.snapshot(2).currencies()).containsExactly(Map.entry("coins", 11L));
    }

    @Test
    void rollback_toAMarkTakenAfterASnapshot_keepsWhatWasBuiltIn() {
        WorkingPlayer player = player(Map.of());
        player.setBalance("coins", 5);
        player.snapshot(1);
        player.mark();
        player.setBalance("gems", 2);
        player.rollback();

        assertThat(player.snapshot(1).currencies()).containsExactly(Map.entry("coins", 5L));
    }

    @Test
    void reset_forgetsTheLastEventsChanges() {
        WorkingPlayer player = player(Map.of("coins", 10L));
        player.setBalance("coins", 99);
        PlayerState base = state(Map.of("coins", 1L));
        player.reset(base, CURVE);

        assertThat(player.balance("coins")).isEqualTo(1);
        assertThat(player.snapshot(1).currencies()).isSameAs(base.currencies());
    }

    @Test
    void rollback_withoutAMarkOfItsOwn_goesBackToTheBase() {
        WorkingPlayer player = player(Map.of("coins", 10L));
        player.setXp(150);
        player.setBalance("coins", 30);
        player.rollback();

        assertThat(player.xp()).isZero();
        assertThat(player.level()).isEqualTo(1);
        assertThat(player.snapshot(1).currencies()).containsExactly(Map.entry("coins", 10L));
    }

    private static WorkingPlayer player(Map<String, Long> currencies) {
        return new WorkingPlayer(state(currencies), CURVE);
    }

    private static PlayerState state(Map<String, Long> currencies) {
        return new PlayerState("p", 0, 1, 100, currencies, new TreeSet<>(), Map.of(), Map.of(), Map.of(), 1);
    }
}
