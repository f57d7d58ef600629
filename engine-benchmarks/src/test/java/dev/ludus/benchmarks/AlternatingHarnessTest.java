package dev.ludus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlternatingHarnessTest {

    @Test
    void workload_tracksWithEitherEngine() {
        for (String engine : new String[] {"ludus", "contractFloor"}) {
            AlternatingHarness.Workload.setUp(engine, 0, 100, 16);

            double nanos = AlternatingHarness.Workload.run(1_000_000);

            assertThat(nanos).as(engine).isPositive().isFinite();
        }
    }

    @Test
    void workload_refusesAnUnknownEngine() {
        assertThatThrownBy(() -> AlternatingHarness.Workload.setUp("drools", 0, 100, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine must be ludus or contractFloor, was drools");
    }

    @Test
    void main_needsTwoJars_thatExist() {
        assertThatThrownBy(() -> AlternatingHarness.main(new String[] {"a.jar"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usage: AlternatingHarness <first.jar> <second.jar> [name=value...]");
        assertThatThrownBy(() -> AlternatingHarness.main(new String[] {"no-such.jar", "no-such.jar"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such jar: no-such.jar");
    }
}
