package dev.ludus.core.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys distinct values are stored under in a player's engine data. */
class DistinctAggregateTest {

    @Test
    void scalarKeys_areTheFormsStoredBefore_soStoredStateStillMatches() {
        assertThat(DistinctAggregate.canonical("l1")).isEqualTo("s:l1");
        assertThat(DistinctAggregate.canonical("")).isEqualTo("s:");
        assertThat(DistinctAggregate.canonical(95L)).isEqualTo("n:95");
        assertThat(DistinctAggregate.canonical(95.0)).isEqualTo("n:95");
        assertThat(DistinctAggregate.canonical(-0.0)).isEqualTo("n:0");
        assertThat(DistinctAggregate.canonical(95.5)).isEqualTo("n:95.5");
        assertThat(DistinctAggregate.canonical(true)).isEqualTo("j:true");
        assertThat(DistinctAggregate.canonical(false)).isEqualTo("j:false");
    }

    @Test
    void wholeDecimalsAtTheEndsOfTheLongRange_shareTheKeyOfTheirLong() {
        // -2^63 is Long.MIN_VALUE exactly, as the property conditions compare it; 2^63 is beyond every long.
        assertThat(DistinctAggregate.canonical(-0x1p63)).isEqualTo(DistinctAggregate.canonical(Long.MIN_VALUE))
                .isEqualTo("n:-9223372036854775808");
        assertThat(DistinctAggregate.canonical(0x1p63)).isEqualTo("n:9.223372036854776E18");
        assertThat(DistinctAggregate.canonical(List.of(-0x1p63)))
                .isEqualTo(DistinctAggregate.canonical(List.of(Long.MIN_VALUE)));
    }

    @Test
    void arrayAndObjectKeys_areTheirCanonicalTokens() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", List.of(95.0, "x, y", true));
        object.put("a", null);
        assertThat(DistinctAggregate.canonical(object)).isEqualTo("c:{2:s1:ans1:b[3:i95;s4:x, yt");
        assertThat(DistinctAggregate.canonical(List.of(0.5, List.of(), Map.of()))).isEqualTo("c:[3:d0.5;[0:{0:");
    }
}
