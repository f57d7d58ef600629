package dev.ludus.core.internal.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The calendar units (days or weeks) in which a player had an event of a type, stored as sorted runs
 * {@code [start, end, start, end, ...]} of consecutive active units; only the newest runs are kept.
 */
public final class StreakAggregate extends Aggregate {
    /** Enough runs for any allowed grace (each empty unit splits at most one run). */
    static final int MAX_RUNS = 64;

    private final CalendarUnit unit;
    private final ZoneId zone;

    public StreakAggregate(String eventType, CalendarUnit unit, ZoneId zone) {
        super("streak|" + eventType + "|" + unit.jsonName() + "@" + zone.getId(), eventType);
        this.unit = unit;
        this.zone = zone;
    }

    @Override
    public void widen(int units) {
        // Runs are kept whatever the window.
    }

    /** @return the runs with the unit of {@code time} added; {@code stored} itself when a run already covers it */
    @Override
    public Object update(Object stored, Instant time, Map<String, Object> properties) {
        long u = unit.bucket(time, zone);
        if (covers(stored, u)) {
            return stored;
        }
        List<long[]> runs = runs(stored);
        runs.add(new long[] {u, u});
        runs.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] run : runs) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && run[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], run[1]);
            } else {
                merged.add(new long[] {run[0], run[1]});
            }
        }
        List<Object> out = new ArrayList<>();
        for (long[] run : merged.subList(Math.max(0, merged.size() - MAX_RUNS), merged.size())) {
            out.add(run[0]);
            out.add(run[1]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Walks back from the unit containing {@code time}: the run continues while at most {@code grace} empty
     * units in total have been passed; returns how many units with an event it covered.
     */
    public long length(Object stored, Instant time, int grace) {
        long current = unit.bucket(time, zone);
        List<long[]> runs = runs(stored);
        long length = 0;
        long cursor = current;
        long graceLeft = grace;
        for (int i = runs.size() - 1; i >= 0; i--) {
            long[] run = runs.get(i);
            if (run[0] > current) {
                continue;
            }
            long end = Math.min(run[1], current);
            long gap = cursor - end - (length == 0 && cursor == current ? 0 : 1);
            if (length == 0 && cursor == current) {
                gap = current - end;
            }
            if (gap > graceLeft) {
                break;
            }
            graceLeft -= gap;
            length += end - run[0] + 1;
            cursor = run[0];
        }
        return length;
    }

    /**
     * @return whether a stored run covers {@code unit} (the common case: a second event in the same unit), of runs
     *         that need no trimming
     */
    private static boolean covers(Object stored, long unit) {
        if (stored instanceof List<?> flat && flat.size() <= 2 * MAX_RUNS) {
            for (int i = flat.size() - flat.size() % 2 - 2; i >= 0; i -= 2) {
                if (((Number) flat.get(i)).longValue() <= unit) {
                    return unit <= ((Number) flat.get(i + 1)).longValue();
                }
            }
        }
        return false;
    }

    private static List<long[]> runs(Object stored) {
        List<long[]> runs = new ArrayList<>();
        if (stored instanceof List<?> flat) {
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                runs.add(new long[] {((Number) flat.get(i)).longValue(), ((Number) flat.get(i + 1)).longValue()});
            }
        }
        return runs;
    }
}
