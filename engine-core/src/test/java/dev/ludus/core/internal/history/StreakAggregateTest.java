package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The runs of active units a streak keeps: merged, trimmed, and left as they are when a run covers the unit. */
class StreakAggregateTest {
    private static final long DAY = 86_400;
    private final StreakAggregate daily = new StreakAggregate("workout", CalendarUnit.DAY, ZoneOffset.UTC);

    private Object update(Object stored, long day) {
        return daily.update(stored, Instant.ofEpochSecond(day * DAY + 3_600), Map.of());
    }

    @Test
    void anEventInAUnitARunCovers_leavesTheStoredRunsThemselves() {
        Object runs = update(update(update(null, 10), 11), 20);
        assertThat(runs).isEqualTo(List.of(10L, 11L, 20L, 20L));

        assertThat(update(runs, 20)).isSameAs(runs);
        assertThat(update(runs, 10)).isSameAs(runs);
        List<Object> fromJson = List.of(10, 11, 20, 20); // Integers, as after a JSON round trip
        assertThat(update(fromJson, 11)).isSameAs(fromJson);
    }

    @Test
    void anEventOutsideEveryRun_extendsMergesOrStartsOne() {
        Object runs = List.of(10L, 11L, 13L, 13L);

        assertThat(update(runs, 12)).isEqualTo(List.of(10L, 13L));
        assertThat(update(runs, 14)).isEqualTo(List.of(10L, 11L, 13L, 14L));
        assertThat(update(runs, 5)).isEqualTo(List.of(5L, 5L, 10L, 11L, 13L, 13L));
        assertThat(update(List.of(), 7)).isEqualTo(List.of(7L, 7L));
    }

    /**
     * Whatever the days, the runs are those of the days seen, the newest 64 kept; a day older than every run kept
     * is forgotten again, as the runs before it were.
     */
    @Property(tries = 300)
    void matchesTheDaysSeen_newest64RunsKept(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 300) Integer> days) {
        TreeSet<Long> kept = new TreeSet<>();
        Object runs = null;
        for (int day : days) {
            runs = update(runs, day);
            kept.add((long) day);
            List<Long> newest = newestRuns(kept);
            kept.headSet(newest.get(0)).clear();
            assertThat(runs).isEqualTo(newest);
        }
    }

    private static List<Long> newestRuns(TreeSet<Long> days) {
        List<Long> runs = new ArrayList<>();
        for (long day : days) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1) == day - 1) {
                runs.set(runs.size() - 1, day);
            } else {
                runs.add(day);
                runs.add(day);
            }
        }
        return runs.subList(Math.max(0, runs.size() - 2 * StreakAggregate.MAX_RUNS), runs.size());
    }
}
