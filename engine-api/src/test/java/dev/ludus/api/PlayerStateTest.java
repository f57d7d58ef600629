package dev.ludus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlayerStateTest {

    @Test
    void maps_areSortedCopiesThatBehaveAsMaps() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("zeta", 1L);
        attributes.put("alpha", "a");
        attributes.put("mid", null);
        PlayerState state = state(Map.of("gems", 2L, "coins", 5L), attributes);
        attributes.put("late", true);

        assertThat(state.currencies().keySet()).containsExactly("coins", "gems");
        assertThat(state.attributes().keySet()).containsExactly("alpha", "mid", "zeta");
        assertThat(state.attributes()).containsEntry("mid", null).doesNotContainKey("late");
        assertThat(state.currencies()).isEqualTo(new TreeMap<>(Map.of("gems", 2L, "coins", 5L)))
                .hasSameHashCodeAs(Map.of("gems", 2L, "coins", 5L));
        assertThat(state.balance("coins")).isEqualTo(5);
        assertThat(state.balance("absent")).isZero();
        assertThat(state.currencies().get(42)).isNull();
        assertThat(state.currencies().containsKey(null)).isFalse();
    }

    @Test
    void maps_areUnmodifiable() {
        PlayerState state = state(Map.of("coins", 5L), Map.of());

        assertThatThrownBy(() -> state.currencies().put("gems", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.currencies().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.currencies().entrySet().iterator().next().setValue(1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void snapshotsShareTheirOwnMapsInsteadOfCopying() {
        PlayerState first = state(Map.of("coins", 5L), Map.of());
        PlayerState next = new PlayerState("p", 10, 1, 90, first.currencies(), first.badges(), first.quests(),
                first.attributes(), first.profile(), 2);

        assertThat(next.currencies()).isSameAs(first.currencies());
        assertThat(next.badges()).isSameAs(first.badges());
    }

    @Test
    void nullKeysAreRejected() {
        Map<String, Long> withNull = new HashMap<>();
        withNull.put(null, 1L);

        assertThatThrownBy(() -> state(withNull, Map.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void currencies_anyNumberOfBalances_behaveAsSortedMaps() {
        for (int n = 0; n <= 5; n++) {
            Map<String, Long> given = new HashMap<>();
            for (int i = n; i > 0; i--) {
                given.put("c" + i, 1000L * i);
            }
            PlayerState state = state(given, Map.of());

            assertThat(state.currencies()).as("%d balances", n).isEqualTo(given).hasSameHashCodeAs(given)
                    .hasSize(n);
            assertThat(state.currencies().keySet()).containsExactlyElementsOf(new TreeMap<>(given).keySet());
            for (int i = 1; i <= n; i++) {
                assertThat(state.balance(new String("c" + i))).isEqualTo(1000L * i);
                assertThat(state.currencies().get("c" + i)).isEqualTo(1000L * i);
            }
            assertThat(state.balance("c9")).isZero();
            assertThat(state.currencies().get("c9")).isNull();
            assertThat(state.currencies().containsKey(7)).isFalse();
            assertThat(state.currencies().isEmpty()).isEqualTo(n == 0);
        }
    }

    @Test
    void withBalance_setsOrInsertsInOrder_andLeavesTheGivenMapAlone() {
        Map<String, Long> given = state(Map.of("b", 2L, "d", 4L), Map.of()).currencies();

        assertThat(PlayerState.withBalance(given, "b", 20)).containsExactly(Map.entry("b", 20L), Map.entry("d", 4L));
        assertThat(PlayerState.withBalance(given, "a", 1)).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L),
                Map.entry("d", 4L));
        assertThat(PlayerState.withBalance(given, new String("c"), 3)).containsExactly(Map.entry("b", 2L),
                Map.entry("c", 3L), Map.entry("d", 4L));
        assertThat(PlayerState.withBalance(given, "e", -5)).containsExactly(Map.entry("b", 2L), Map.entry("d", 4L),
                Map.entry("e", -5L));
        assertThat(given).containsExactly(Map.entry("b", 2L), Map.entry("d", 4L));
        assertThat(PlayerState.withBalance(Map.of(), "coins", 7)).containsExactly(Map.entry("coins", 7L));
        assertThat(PlayerState.withBalance(new HashMap<>(Map.of("z", 1L, "y", 2L)), "x", 3))
                .containsExactly(Map.entry("x", 3L), Map.entry("y", 2L), Map.entry("z", 1L));
    }

    @Test
    void withBalance_ofEachPosition_changesThatBalanceAlone() {
        Map<String, Long> given = state(Map.of("a", 1L, "b", 2L, "c", 3L), Map.of()).currencies();
        for (String changed : List.of("a", "b", "c")) {
            Map<String, Long> expected = new TreeMap<>(given);
            expected.put(changed, 500L);
            Map<String, Long> balances = PlayerState.withBalance(given, changed, 500);
            PlayerState state = state(balances, Map.of());

            assertThat(balances).as(changed).isEqualTo(expected);
            for (String currency : expected.keySet()) {
                assertThat(state.balance(currency)).as(currency).isEqualTo(expected.get(currency));
            }
            assertThat(state.balance("d")).isZero();
        }
        assertThat(given).isEqualTo(Map.of("a", 1L, "b", 2L, "c", 3L));
    }

    @Test
    void withBalance_resultIsKeptWithoutCopying_andIsUnmodifiable() {
        Map<String, Long> balances = PlayerState.withBalance(Map.of(), "coins", 5);
        PlayerState state = state(balances, Map.of());

        assertThat(state.currencies()).isSameAs(balances);
        assertThat(state.balance("coins")).isEqualTo(5);
        assertThatThrownBy(() -> balances.put("gems", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void balances_withTheSameCurrencies_shareOneIdArray() {
        Map<String, Long> one = PlayerState.withBalance(Map.of(), new String("gold"), 1);
        Map<String, Long> other = PlayerState.withBalance(Map.of(), new String("gold"), 2);
        Map<String, Long> copied = state(new HashMap<>(Map.of("gold", 3L)), Map.of()).currencies();

        assertThat(((Balances) other).ids()).isSameAs(((Balances) one).ids());
        assertThat(((Balances) copied).ids()).isSameAs(((Balances) one).ids());
        assertThat(((Balances) PlayerState.withBalance(one, "gold", 9)).ids()).isSameAs(((Balances) one).ids());
    }

    @Test
    void withBalance_nullArguments_areRejected() {
        assertThatThrownBy(() -> PlayerState.withBalance(Map.of(), null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("currency");
        assertThatThrownBy(() -> PlayerState.withBalance(null, "coins", 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withEntries_setsOrInsertsInOrder_andLeavesBothMapsAlone() {
        Map<String, Object> given = state(Map.of(), Map.of("b", 2, "d", 4, "f", 6)).attributes();
        TreeMap<String, Object> changes = new TreeMap<>(Map.of("a", 1, "d", 40, "e", 5, "g", 7));

        assertThat(PlayerState.withEntries(given, changes)).containsExactly(Map.entry("a", 1), Map.entry("b", 2),
                Map.entry("d", 40), Map.entry("e", 5), Map.entry("f", 6), Map.entry("g", 7));
        assertThat(PlayerState.withEntries(given, Map.of("b", 20, "f", 60))).containsExactly(Map.entry("b", 20),
                Map.entry("d", 4), Map.entry("f", 60));
        assertThat(given).containsExactly(Map.entry("b", 2), Map.entry("d", 4), Map.entry("f", 6));
        assertThat(changes).hasSize(4);
        assertThat(PlayerState.withEntries(Map.of(), Map.of("x", 1))).containsExactly(Map.entry("x", 1));
        assertThat(PlayerState.withEntries(given, Map.of())).isSameAs(given);
        // not sorted, or sorted another way: put in natural order
        assertThat(PlayerState.withEntries(new HashMap<>(Map.of("z", 1, "y", 2)), new HashMap<>(Map.of("c", 3))))
                .containsExactly(Map.entry("c", 3), Map.entry("y", 2), Map.entry("z", 1));
        TreeMap<String, Object> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(Map.of("a", 1, "c", 3));
        assertThat(PlayerState.withEntries(given, reversed)).containsExactly(Map.entry("a", 1), Map.entry("b", 2),
                Map.entry("c", 3), Map.entry("d", 4), Map.entry("f", 6));
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("c", null);
        assertThat(PlayerState.withEntries(given, nullValue)).containsKey("c").containsEntry("c", null).hasSize(4);
    }

    @Test
    void withEntries_resultIsKeptWithoutCopying_andIsUnmodifiable() {
        Map<String, Object> attributes = PlayerState.withEntries(Map.of(), Map.of("tier", "gold"));
        PlayerState state = state(Map.of(), attributes);

        assertThat(state.attributes()).isSameAs(attributes);
        assertThatThrownBy(() -> attributes.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withEntries_nullArgumentsAndKeys_areRejected() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> PlayerState.withEntries(Map.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("changes");
        assertThatThrownBy(() -> PlayerState.withEntries(null, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("map");
        assertThatThrownBy(() -> PlayerState.withEntries(Map.of("a", 1), nullKey))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void balances_fromARawMap_takeWholeNumbers_andRejectOthers() {
        Map raw = new HashMap();
        raw.put("coins", 5);
        raw.put("gems", (short) 2);
        assertThat(state(raw, Map.of()).currencies()).containsExactly(Map.entry("coins", 5L), Map.entry("gems", 2L));

        raw.put("gems", 2.5);
        assertThatThrownBy(() -> state(raw, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("balance of 'gems' must be a whole number, not java.lang.Double");
        raw.put("gems", "2");
        assertThatThrownBy(() -> state(raw, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("balance of 'gems' must be a whole number, not java.lang.String");
        raw.put("gems", null);
        assertThatThrownBy(() -> state(raw, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("balance of 'gems'");
    }

    @Test
    void playersWithoutBadgesShareOneEmptySet() {
        PlayerState a = PlayerState.initial("a", 100);
        PlayerState b = state(Map.of(), Map.of());

        assertThat(a.badges()).isEmpty();
        assertThat(b.badges()).isSameAs(a.badges());
        assertThatThrownBy(() -> a.badges().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withBadges_addsInOrder_skipsOwnedOnes_andLeavesBothArgumentsAlone() {
        SortedSet<String> owned = badges("b", "d", "f");
        List<String> added = new ArrayList<>(List.of("g", "a", "d", "e", "a"));

        assertThat(PlayerState.withBadges(owned, added)).containsExactly("a", "b", "d", "e", "f", "g");
        assertThat(owned).containsExactly("b", "d", "f");
        assertThat(added).containsExactly("g", "a", "d", "e", "a");
        assertThat(PlayerState.withBadges(owned, List.of("d"))).isSameAs(owned);
        assertThat(PlayerState.withBadges(owned, List.of())).isSameAs(owned);
        assertThat(PlayerState.withBadges(Set.of("z", "y"), Set.of("x"))).containsExactly("x", "y", "z");
        TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
        reversed.addAll(List.of("a", "c"));
        assertThat(PlayerState.withBadges(owned, reversed)).containsExactly("a", "b", "c", "d", "f");
    }

    @Test
    void withBadges_resultIsKeptWithoutCopying_andNullsAreRejected() {
        SortedSet<String> badges = PlayerState.withBadges(Set.of(), List.of("gold"));
        PlayerState state = new PlayerState("p", 0, 1, 100, Map.of(), badges, Map.of(), Map.of(), Map.of(), 1);

        assertThat(state.badges()).isSameAs(badges);
        assertThatThrownBy(() -> PlayerState.withBadges(null, List.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("badges");
        assertThatThrownBy(() -> PlayerState.withBadges(Set.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("added");
        assertThatThrownBy(() -> PlayerState.withBadges(Set.of(), Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void badges_readAsASortedSet_thatCannotBeChanged() {
        SortedSet<String> badges = badges("c", "a", "e");

        assertThat(badges).containsExactly("a", "c", "e").contains("c").doesNotContain("b");
        assertThat(badges.contains(7)).isFalse();
        assertThat(badges.comparator()).isNull();
        assertThat(badges.first()).isEqualTo("a");
        assertThat(badges.last()).isEqualTo("e");
        assertThat(badges.subSet("b", "e")).containsExactly("c");
        assertThat(badges.headSet("c")).containsExactly("a");
        assertThat(badges.tailSet("c")).containsExactly("c", "e");
        assertThat(badges.tailSet("a")).isSameAs(badges);
        assertThatThrownBy(() -> badges.subSet("e", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(badges).isEqualTo(Set.of("a", "c", "e")).hasSameHashCodeAs(Set.of("a", "c", "e"));
        assertThatThrownBy(() -> badges.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.remove("absent")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.removeAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.retainAll(badges)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.removeIf(b -> false)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> badges.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
        reversed.addAll(List.of("a", "c"));
        assertThat(new PlayerState("p", 0, 1, 100, Map.of(), reversed, Map.of(), Map.of(), Map.of(), 1).badges())
                .containsExactly("a", "c");
        SortedSet<String> none = badges();
        assertThatThrownBy(none::first).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(none::last).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> none.iterator().next()).isInstanceOf(NoSuchElementException.class);
    }

    private static SortedSet<String> badges(String... ids) {
        return new PlayerState("p", 0, 1, 100, Map.of(), new TreeSet<>(List.of(ids)), Map.of(), Map.of(), Map.of(), 1)
                .badges();
    }

    private static PlayerState state(Map<String, Long> currencies, Map<String, Object> attributes) {
        return new PlayerState("p", 0, 1, 100, currencies, new TreeSet<>(), Map.of(), attributes, Map.of(), 1);
    }
}
