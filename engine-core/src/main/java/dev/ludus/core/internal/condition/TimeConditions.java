package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.internal.util.JsonValues;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code time_window} and {@code day_of_week}: the event's local time in a time zone. */
final class TimeConditions {
    private TimeConditions() {
    }

    static Condition timeWindow(ConfigNode config, CompileContext context) {
        Long start = hour(config, "startHour");
        Long end = hour(config, "endHour");
        ZoneId zone = HistoryConditions.zone(config);
        if (start == null || end == null || zone == null) {
            return null;
        }
        if (start.equals(end)) {
            config.error("endHour", "startHour and endHour are both " + start + ": the window would be empty");
            return null;
        }
        int from = start.intValue();
        int until = end.intValue();
        return ctx -> {
            int hour = ctx.timestamp().atZone(zone).getHour();
            return from < until ? hour >= from && hour < until : hour >= from || hour < until;
        };
    }

    private static Long hour(ConfigNode config, String field) {
        Long hour = config.wholeNumber(field);
        if (hour != null && (hour < 0 || hour > 24 || (hour == 24 && field.equals("startHour")))) {
            config.error(field, "expected an hour from 0 to " + (field.equals("startHour") ? 23 : 24) + ", found " + hour);
            return null;
        }
        return hour;
    }

    static Condition dayOfWeek(ConfigNode config, CompileContext context) {
        List<Object> names = config.list("days");
        ZoneId zone = HistoryConditions.zone(config);
        if (names == null || zone == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object name : names) {
            DayOfWeek day = name instanceof String s ? parse(s) : null;
            if (day == null) {
                config.error("days", "expected day names MON, TUE, WED, THU, FRI, SAT, SUN, found "
                        + JsonValues.describe(name));
                return null;
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            config.error("days", "expected at least one day");
            return null;
        }
        return ctx -> days.contains(ctx.timestamp().atZone(zone).getDayOfWeek());
    }

    private static DayOfWeek parse(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equals(name.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        return null;
    }
}
