package dev.ludus.core.internal.compile;

import dev.ludus.core.internal.history.CalendarUnit;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A rule's per-player limits (SPEC 4.4); any part may be absent ({@code null} / 0).
 *
 * @param cooldown       minimum time between fires, or {@code null}
 * @param maxPerPlayer   lifetime fires, or 0 for no limit
 * @param maxPerPeriod   fires per calendar period, or 0 for no limit
 * @param period         the calendar period of {@code maxPerPeriod}
 * @param zone           the time zone of {@code period}
 */
public record Limits(Duration cooldown, long maxPerPlayer, long maxPerPeriod, CalendarUnit period, ZoneId zone) {
}
