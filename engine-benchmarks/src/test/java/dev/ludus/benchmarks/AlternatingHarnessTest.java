package dev.ludus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlternatingHarnessTest {

    @Test
    void workload_tracksWithEitherEngine() {
        for (String engine : new String[] {"engine=ludus", "engine=contractFloor", "conditions=expression"}) {
            AlternatingHarness.Workload.setUp(new String[] {"a.jar", "b.jar", "history=0", "rules=100", "events=16",
                    engine});

            double nanos = AlternatingHarness.Workload.run(1_000_000);

            assertThat(nanos).as(engine).isPositive().isFinite();
        }
    }

    @Test
    void workload_refusesAnUnknownEngine() {
        assertThatThrownBy(() -> AlternatingHarness.Workload.setUp(new String[] {"a.jar", "b.jar", "engine=drools"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine must be ludus or contractFloor, was drools");
    }

    @Test
    void options_theLastGivenWins_andTheJarsAreNotOptions() {
        String[] args = {"history=1.jar", "b.jar", "history=5", "rules=10", "history=7"};

        assertThat(AlternatingHarness.option(args, "history", 100, Integer::parseInt)).isEqualTo(7);
        assertThat(AlternatingHarness.option(args, "events", 0, Integer::parseInt)).isZero();
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
