package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.api.spi.EvaluationContext;
import dev.ludus.core.internal.history.Aggregate;
import dev.ludus.core.internal.history.CalendarUnit;
import dev.ludus.core.internal.history.CountAggregate;
import dev.ludus.core.internal.history.DistinctAggregate;
import dev.ludus.core.internal.history.HistorySupport;
import dev.ludus.core.internal.history.HistoryView;
import dev.ludus.core.internal.history.StreakAggregate;
import dev.ludus.core.internal.history.SumAggregate;
import dev.ludus.core.internal.history.Window;
import dev.ludus.core.internal.util.JsonValues;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Conditions on the player's history: {@code first_time}, {@code event_count}, {@code property_sum},
 * {@code distinct_count}, {@code streak}. They include the current event and use event time only.
 */
public final class HistoryConditions {
    static final int MAX_WINDOW_UNITS = 1_000;
    static final int MAX_GRACE_UNITS = 30;

    private HistoryConditions() {
    }

    static Condition firstTime(ConfigNode config, CompileContext context) {
        Map<String, CountAggregate> counts = perType(config, context, type -> new CountAggregate(type, null));
        if (counts == null) {
            return null;
        }
        // The count already includes this event when it is of the counted type.
        return ObservedCondition.of(ctx -> {
            CountAggregate count = pick(counts, ctx);
            return count.count(view(ctx).aggregate(count.key()), null, ctx.timestamp())
                    - (count.eventType().equals(ctx.eventType()) ? 1 : 0);
        }, before -> before == 0);
    }

    static Condition eventCount(ConfigNode config, CompileContext context) {
        Window window = window(config);
        Map<String, CountAggregate> counts = perType(config, context,
                type -> new CountAggregate(type, calendarOf(window)));
        Range range = range(config, Range.AT_LEAST_ONE);
        if (counts == null || range == null || window == BAD_WINDOW) {
            return null;
        }
        widen(counts, window);
        return ObservedCondition.of(ctx -> {
            CountAggregate count = pick(counts, ctx);
            return count.count(view(ctx).aggregate(count.key()), window, ctx.timestamp());
        }, range::holds);
    }

    static Condition propertySum(ConfigNode config, CompileContext context) {
        Window window = window(config);
        PropertyPath path = PropertyConditions.path(config, context);
        Map<String, SumAggregate> sums = path == null ? null
                : perType(config, context, type -> new SumAggregate(type, path, calendarOf(window)));
        Range range = range(config, Range.ABOVE_ZERO);
        if (sums == null || range == null || window == BAD_WINDOW) {
            return null;
        }
        widen(sums, window);
        return ObservedCondition.of(ctx -> {
            SumAggregate sum = pick(sums, ctx);
            return sum.sum(view(ctx).aggregate(sum.key()), window, ctx.timestamp());
        }, range::holds);
    }

    static Condition distinctCount(ConfigNode config, CompileContext context) {
        Window window = window(config);
        PropertyPath path = PropertyConditions.path(config, context);
        Map<String, DistinctAggregate> sets = path == null ? null
                : perType(config, context, type -> new DistinctAggregate(type, path, calendarOf(window),
                        ((HistorySupport) context).maxDistinctValues()));
        // SPEC 4.2 marks min optional: without it the property must have had a value at least once
        Long min = config.has("min") ? config.wholeNumber("min") : Long.valueOf(1);
        if (sets == null || min == null || window == BAD_WINDOW) {
            return null;
        }
        widen(sets, window);
        return ObservedCondition.of(ctx -> {
            DistinctAggregate set = pick(sets, ctx);
            return set.count(view(ctx).aggregate(set.key()), window, ctx.timestamp());
        }, distinct -> distinct >= min);
    }

    static Condition streak(ConfigNode config, CompileContext context) {
        String unitName = config.string("unit");
        CalendarUnit unit = unitName == null ? null : CalendarUnit.parse(unitName);
        if (unitName != null && unit != CalendarUnit.DAY && unit != CalendarUnit.WEEK) {
            config.error("unit", "expected 'day' or 'week', found '" + JsonValues.printable(unitName) + "'");
        }
        ZoneId zone = zone(config);
        Long min = config.wholeNumber("min");
        long grace = config.optionalWholeNumber("graceUnits", 0);
        if (grace < 0 || grace > MAX_GRACE_UNITS) {
            config.error("graceUnits", "expected a whole number from 0 to " + MAX_GRACE_UNITS + ", found " + grace);
        }
        if (min != null && min < 1) {
            config.error("min", "expected a whole number >= 1, found " + min);
        }
        boolean ok = (unit == CalendarUnit.DAY || unit == CalendarUnit.WEEK) && zone != null && min != null
                && min >= 1 && grace >= 0 && grace <= MAX_GRACE_UNITS;
        Map<String, StreakAggregate> streaks = perType(config, context,
                type -> ok ? new StreakAggregate(type, unit, zone) : null);
        if (!ok || streaks == null) {
            return null;
        }
        int graceUnits = (int) grace;
        return ObservedCondition.of(ctx -> {
            StreakAggregate streak = pick(streaks, ctx);
            return streak.length(view(ctx).aggregate(streak.key()), ctx.timestamp(), graceUnits);
        }, length -> length >= min);
    }

    // ---- shared pieces

    /** Marks a window that failed to compile (distinct from {@code null}: the whole history). */
    private static final Window BAD_WINDOW = new Window(CalendarUnit.DAY, 1, ZoneOffset.UTC);

    private static Window window(ConfigNode config) {
        if (!config.has("window")) {
            return null;
        }
        ConfigNode node = config.object("window");
        if (node == null) {
            return BAD_WINDOW;
        }
        String unitName = node.string("unit");
        CalendarUnit unit = unitName == null ? null : CalendarUnit.parse(unitName);
        if (unitName != null && (unit == null || unit == CalendarUnit.YEAR)) {
            node.error("unit", "expected one of hour, day, week, month, found '" + JsonValues.printable(unitName)
                    + "'");
            unit = null;
        }
        Long count = node.wholeNumber("count");
        if (count != null && (count < 1 || count > MAX_WINDOW_UNITS)) {
            node.error("count", "expected a whole number from 1 to " + MAX_WINDOW_UNITS + ", found " + count);
            count = null;
        }
        ZoneId zone = zone(node);
        return unit == null || count == null || zone == null ? BAD_WINDOW : new Window(unit, count.intValue(), zone);
    }

    private static Window calendarOf(Window window) {
        return window == null || window == BAD_WINDOW ? null : window;
    }

    /** Reads an optional {@code timezone} (default UTC), reporting an unknown id; {@code null} after an error. */
    public static ZoneId zone(ConfigNode config) {
        String id = config.optionalString("timezone", "UTC");
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            config.error("timezone", "unknown time zone '" + JsonValues.printable(id)
                    + "' (expected an IANA id such as Europe/Paris or UTC)");
            return null;
        }
    }

    private static <A extends Aggregate> void widen(Map<String, A> aggregates, Window window) {
        if (window != null) {
            aggregates.values().forEach(a -> a.widen(window.count()));
        }
    }

    /**
     * One aggregate per event type counted: the condition's {@code eventType}, else each of the rule's
     * trigger types (picked at run time by the event's type).
     */
    private static <A extends Aggregate> Map<String, A> perType(ConfigNode config, CompileContext context,
                                                                Function<String, A> create) {
        HistorySupport support = (HistorySupport) context;
        List<String> types;
        if (config.has("eventType")) {
            String type = config.string("eventType");
            if (type == null) {
                return null;
            }
            types = List.of(type);
        } else {
            types = support.triggerTypes();
            if (types.contains("*")) {
                config.error(null, "'eventType' is required when the rule triggers on every event (\"*\")");
                return null;
            }
        }
        Map<String, A> byType = new HashMap<>();
        for (String type : types) {
            A aggregate = create.apply(type);
            if (aggregate == null) {
                return null;
            }
            byType.put(type, support.aggregate(aggregate));
        }
        return byType.size() == 1 && config.has("eventType") ? Map.of("", byType.values().iterator().next()) : byType;
    }

    private static <A> A pick(Map<String, A> byType, EvaluationContext ctx) {
        A fixed = byType.get("");
        return fixed != null ? fixed : byType.get(ctx.eventType());
    }

    private static HistoryView view(EvaluationContext ctx) {
        return (HistoryView) ctx;
    }

    /** Inclusive bounds, either open; {@code aboveZero} further requires a value greater than 0. */
    private record Range(Number min, Number max, boolean aboveZero) {
        /** A count's default: at least one such event. */
        static final Range AT_LEAST_ONE = new Range(1L, null, false);
        /** A sum's default: the property added up to something (sums may be fractional or negative). */
        static final Range ABOVE_ZERO = new Range(null, null, true);

        /**
         * Exact, whatever the types ({@link JsonValues#compare}): an infinite sum is beyond every finite bound, and a
         * NaN (a window whose decimals overflowed both ways) is not ordered, so it satisfies no range at all.
         */
        boolean holds(Number value) {
            return !JsonValues.isNaN(value)
                    && (min == null || JsonValues.compare(value, min) >= 0)
                    && (max == null || JsonValues.compare(value, max) <= 0)
                    && (!aboveZero || JsonValues.compare(value, 0L) > 0);
        }
    }

    /**
     * @return the range {@code min} and {@code max} give, {@code absent} when neither is given, or {@code null}
     *         after an error
     */
    private static Range range(ConfigNode config, Range absent) {
        Number min = config.has("min") ? config.number("min") : null;
        Number max = config.has("max") ? config.number("max") : null;
        if (config.has("min") && min == null || config.has("max") && max == null) {
            return null;
        }
        if (min == null && max == null) {
            return absent;
        }
        if (min != null && max != null && JsonValues.compare(min, max) > 0) {
            config.error("min", "min " + min + " is greater than max " + max);
            return null;
        }
        return new Range(min, max, false);
    }
}
