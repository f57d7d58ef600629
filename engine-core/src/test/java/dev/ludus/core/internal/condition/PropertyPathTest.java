package dev.ludus.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit tests of dot paths into event properties (SPEC 4.2: {@code order.total}, {@code items.0.sku}). */
class PropertyPathTest {
    private static final Map<String, Object> PROPERTIES = properties();

    private static Map<String, Object> properties() {
        Map<String, Object> map = new HashMap<>();
        map.put("score", 95L);
        map.put("nothing", null);
        map.put("order", Map.of("total", 149.99, "lines", List.of(Map.of("sku", "A"), Map.of("sku", "B"))));
        map.put("items", List.of(Map.of("sku", "A-1"), Map.of("sku", "B-2")));
        map.put("grid", List.of(List.of(1L, 2L), List.of(3L, 4L)));
        map.put("byKey", Map.of("0", "zero", "-1", "minus one"));
        return map;
    }

    private static Object resolve(String path) {
        return PropertyPath.parse(path).resolve(PROPERTIES);
    }

    @Test
    void topLevelName() {
        assertThat(resolve("score")).isEqualTo(95L);
    }

    @Test
    void nestedObjects() {
        assertThat(resolve("order.total")).isEqualTo(149.99);
    }

    @Test
    void arrayIndexes() {
        assertThat(resolve("items.0.sku")).isEqualTo("A-1");
        assertThat(resolve("items.1.sku")).isEqualTo("B-2");
        assertThat(resolve("order.lines.1.sku")).isEqualTo("B");
        assertThat(resolve("grid.1.0")).isEqualTo(3L);
    }

    @Test
    void numericKeysOnObjects_areOrdinaryKeys() {
        assertThat(resolve("byKey.0")).isEqualTo("zero");
        assertThat(resolve("byKey.-1")).isEqualTo("minus one");
    }

    @Test
    void presentNull_isNullNotMissing() {
        assertThat(resolve("nothing")).isNull();
    }

    @Test
    void pathsThatLeadNowhere_areMissing() {
        assertThat(resolve("absent")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("order.absent")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("items.2.sku")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("items.-1")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("items.sku")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("score.value")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("nothing.deeper")).isSameAs(PropertyPath.MISSING);
        assertThat(resolve("items.99999999999")).isSameAs(PropertyPath.MISSING);
    }

    @Test
    void emptySegments_areRefused() {
        for (String bad : List.of("", ".a", "a.", "a..b", ".")) {
            assertThatThrownBy(() -> PropertyPath.parse(bad)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void toString_isThePathText() {
        assertThat(PropertyPath.parse("order.lines.0.sku")).hasToString("order.lines.0.sku");
    }
}
