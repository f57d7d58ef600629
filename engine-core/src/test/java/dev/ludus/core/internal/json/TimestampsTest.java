package dev.ludus.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-21T10:15:30Z", "2026-11-21T10:15:30.5Z", "2026-11-21T10:15:30.123456789Z",
        "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00Z", "1969-12-31T23:59:59.000000001Z",
        // Not the fast form: Instant.parse decides.
        "2026-11-21T10:15:30+02:00", "2026-11-21t10:15:30z", "+12026-11-21T10:15:30Z", "2026-11-21T23:59:60Z",
        "2026-11-21T24:00:00Z", "2026-11-21T10:15:30.Z"})
    void parse_whenValid_agreesWithInstantParse(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-21", "2026-11-21T10:15:30", "2026-11-21T10:15Z", "2026-02-29T10:15:30Z", "2026-04-31T10:15:30Z",
        "2026-13-01T10:15:30Z", "2026-00-01T10:15:30Z", "2026-11-00T10:15:30Z", "2026-11-21T24:00:01Z",
        "2026-11-21T10:60:00Z", "2026-11-21T10:15:30.1234567890Z", "2026-11-21 10:15:30Z",
        "2026-1x-21T10:15:30Z", "2026-11-21T10:15:30,5Z", "yesterday", ""})
    void parse_whenInvalid_throwsLikeInstantParse(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void parse_whenRandomInstantsInEveryFractionLength_agreesWithInstantParse() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 253_402_300_800L, random.nextInt(1_000_000_000));
            String full = instant.toString();
            int digits = random.nextInt(10);
            String text = full.length() < 21 ? full
                    : full.substring(0, Math.min(full.length() - 1, 20 + digits)) + "Z";
            text = text.replace(".Z", "Z");
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }
}
