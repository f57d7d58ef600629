package dev.ludus.core.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.PlayerState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A player's map with an event's changes read through it, and the map a snapshot gets. */
class OverlaidTest {
    private final Overlaid<Object> map = new Overlaid<>();

    @Test
    void withoutChanges_theCurrentMapIsTheBaseItself() {
        Map<String, Object> base = Map.of("a", 1);
        map.reset(base);

        assertThat(map.current()).isSameAs(base);
        map.changes.put("b", 2);
        assertThat(map.current()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        map.reset(base);
        assertThat(map.current()).isSameAs(base);
    }

    @Test
    void changes_readBeforeTheBase_nullValuesIncluded() {
        map.reset(Map.of("a", 1, "b", 2));
        map.changes.put("b", 20);
        map.changes.put("c", null);

        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.get("b")).isEqualTo(20);
        assertThat(map.get("c")).isNull();
        assertThat(map.containsKey("c")).isTrue();
        assertThat(map.get("d")).isNull();
        assertThat(map.containsKey("d")).isFalse();
    }

    /** Reads and the snapshot's map are a TreeMap's with the base's entries and then the changes put into it. */
    @Property(tries = 500)
    void matchesATreeMapModel(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 15) Integer> baseKeys,
                              @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 15) Integer> changedKeys) {
        TreeMap<String, Object> base = new TreeMap<>();
        baseKeys.forEach(k -> base.put("k" + k, "base" + k));
        Map<String, Object> loaded = PlayerState.withEntries(Map.of(), base);
        map.reset(loaded);
        TreeMap<String, Object> model = new TreeMap<>(base);
        for (int i = 0; i < changedKeys.size(); i++) {
            map.changes.put("k" + changedKeys.get(i), i);
            model.put("k" + changedKeys.get(i), i);
        }

        for (int k = 0; k <= 16; k++) {
            assertThat(map.get("k" + k)).isEqualTo(model.get("k" + k));
            assertThat(map.containsKey("k" + k)).isEqualTo(model.containsKey("k" + k));
        }
        assertThat(List.copyOf(map.current().entrySet())).isEqualTo(List.copyOf(model.entrySet()));
        assertThat(loaded).isEqualTo(base);
    }
}
