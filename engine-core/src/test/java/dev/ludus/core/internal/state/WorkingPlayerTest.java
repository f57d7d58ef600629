package dev.ludus.core.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The working copy: the latest balance change is built into a map lazily, collections are read through the
 * event's changes, and marks undo every change but the profile's.
 */
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

    /**
     * Quests, attributes, profile and badges read back and snapshot as a plain model says, through marks,
     * rollbacks (which undo all but profile changes, as those come from the event) and snapshots taken between.
     *
     * @param steps each a pair: the operation (0 quest, 1 attribute, 2 profile, 3 badge, 4 mark, 5 rollback,
     *              6 snapshot) and a key number
     */
    @Property(tries = 500)
    void collections_matchAPlainModel(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 6) Integer> operations,
                                      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> keys) {
        PlayerState base = new PlayerState("p", 0, 1, 100, Map.of(), new TreeSet<>(List.of("b1", "b3")),
                Map.of("k1", new QuestState(1, 10L, false, 0), "k4", new QuestState(4, 10L, false, 0)),
                Map.of("k2", "two", "k3", List.of(3)), Map.of("k0", "zero"), 1);
        WorkingPlayer player = new WorkingPlayer(base, CURVE);
        TreeMap<String, QuestState> quests = new TreeMap<>(base.quests());
        TreeMap<String, Object> attributes = new TreeMap<>(base.attributes());
        TreeMap<String, String> profile = new TreeMap<>(base.profile());
        TreeSet<String> badges = new TreeSet<>(base.badges());
        TreeMap<String, QuestState> markedQuests = new TreeMap<>(quests);
        TreeMap<String, Object> markedAttributes = new TreeMap<>(attributes);
        TreeSet<String> markedBadges = new TreeSet<>(badges);
        for (int i = 0; i < Math.min(operations.size(), keys.size()); i++) {
            String key = "k" + keys.get(i);
            switch (operations.get(i)) {
                case 0 -> {
                    QuestState quest = new QuestState(i, 10L, false, 0);
                    player.setQuest(key, quest);
                    quests.put(key, quest);
                }
                case 1 -> {
                    player.setAttribute(key, i);
                    attributes.put(key, i);
                }
                case 2 -> {
                    player.mergeProfile(Map.of(key, "p" + i));
                    profile.put(key, "p" + i);
                }
                case 3 -> {
                    player.addBadge("b" + keys.get(i));
                    badges.add("b" + keys.get(i));
                }
                case 4 -> {
                    player.mark();
                    markedQuests = new TreeMap<>(quests);
                    markedAttributes = new TreeMap<>(attributes);
                    markedBadges = new TreeSet<>(badges);
                }
                case 5 -> {
                    player.rollback();
                    quests = new TreeMap<>(markedQuests);
                    attributes = new TreeMap<>(markedAttributes);
                    badges = new TreeSet<>(markedBadges);
                }
                default -> assertThat(player.snapshot(2)).isEqualTo(new PlayerState("p", 0, 1, 100, Map.of(),
                        badges, quests, attributes, profile, 2));
            }
            assertThat(player.quest(key)).isEqualTo(quests.get(key));
            assertThat(player.attribute(key)).isEqualTo(attributes.get(key));
            assertThat(player.hasAttribute(key)).isEqualTo(attributes.containsKey(key));
            assertThat(player.hasBadge("b" + keys.get(i))).isEqualTo(badges.contains("b" + keys.get(i)));
        }
        PlayerState snapshot = player.snapshot(2);
        assertThat(List.copyOf(snapshot.quests().keySet())).isEqualTo(List.copyOf(quests.keySet()));
        assertThat(snapshot).isEqualTo(new PlayerState("p", 0, 1, 100, Map.of(), badges, quests, attributes,
                profile, 2));
        assertThat(base.quests()).hasSize(2);
        assertThat(base.attributes()).hasSize(2);
    }

    private static WorkingPlayer player(Map<String, Long> currencies) {
        return new WorkingPlayer(state(currencies), CURVE);
    }

    private static PlayerState state(Map<String, Long> currencies) {
        return new PlayerState("p", 0, 1, 100, currencies, new TreeSet<>(), Map.of(), Map.of(), Map.of(), 1);
    }
}
