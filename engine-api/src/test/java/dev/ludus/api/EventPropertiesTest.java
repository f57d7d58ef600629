package dev.ludus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPropertiesTest {

    @Test
    void build_normalisesWholeNumbersToLongAndFloatToDouble() {
        Event event = Event.builder().property("i", 95).property("s", (short) 3).property("b", (byte) 1)
                .property("f", 1.5f).property("l", 7L).property("d", 2.5).build();

        assertThat(event.properties()).containsExactly(Map.entry("i", 95L), Map.entry("s", 3L), Map.entry("b", 1L),
                Map.entry("f", 1.5), Map.entry("l", 7L), Map.entry("d", 2.5));
    }

    @Test
    void build_keepsOtherValuesAsGivenForTheEngineToCheck() {
        BigInteger big = BigInteger.TEN.pow(30);
        Object odd = new Object();
        Event event = Event.builder().property("big", big).property("odd", odd).property("nothing", null).build();

        assertThat(event.properties().get("big")).isSameAs(big);
        assertThat(event.properties().get("odd")).isSameAs(odd);
        assertThat(event.properties()).containsEntry("nothing", null).containsKey("nothing");
    }

    @Test
    void build_deepCopiesNestedMapsAndLists_soLaterChangesAreNotSeen() {
        Map<String, Object> order = new HashMap<>();
        List<Object> items = new ArrayList<>(List.of(1, "two"));
        order.put("items", items);
        Event event = Event.builder().property("order", order).build();

        items.add(3);
        order.put("late", true);

        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) event.properties().get("order");
        assertThat(copied).containsOnlyKeys("items");
        assertThat(copied.get("items")).isEqualTo(List.of(1L, "two"));
    }

    @Test
    void builderProperties_copiesTheMapWhenGiven_soLaterChangesAtAnyLevelAreNotSeen() {
        Map<String, Object> nested = new HashMap<>(Map.of("a", 1));
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("score", 95);
        given.put("nested", nested);
        Event.Builder builder = Event.builder().properties(given);

        given.put("late", true);
        nested.put("b", 2);
        Event event = builder.build();

        assertThat(event.properties()).containsExactly(Map.entry("score", 95L), Map.entry("nested", Map.of("a", 1L)));
    }

    @Test
    void identityMaps_keepOneEntryPerEqualKey_atEveryLevel() {
        Map<String, Object> nested = new java.util.IdentityHashMap<>();
        nested.put("k", 1);
        nested.put(new String("k"), 2);
        Map<String, Object> top = new java.util.IdentityHashMap<>();
        top.put("a", nested);
        top.put(new String("a"), nested);

        Event event = Event.builder().properties(top).build();

        assertThat(event.properties()).hasSize(1).containsOnlyKeys("a");
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) event.properties().get("a");
        assertThat(inner).hasSize(1).containsOnlyKeys("k");
    }

    @Test
    void builder_mixingPropertiesAndProperty_keepsEveryEntryInOrder_andStaysUsableAfterBuild() {
        Event.Builder builder = Event.builder().properties(Map.of("a", 1)).property("b", 2)
                .properties(Map.of("c", 3)).property("a", 4);
        Event first = builder.build();
        Event second = builder.property("d", 5).build();

        assertThat(first.properties()).containsExactly(Map.entry("a", 4L), Map.entry("b", 2L), Map.entry("c", 3L));
        assertThat(second.properties()).containsExactly(Map.entry("a", 4L), Map.entry("b", 2L), Map.entry("c", 3L),
                Map.entry("d", 5L));
    }

    @Test
    void builder_emptyProperties_andToBuilder_shareFrozenMaps() {
        Event empty = Event.builder().build();
        Event event = Event.builder().properties(Map.of("score", 1)).profile("email", "a@b.c").build();
        Event copy = event.toBuilder().build();
        Event changed = event.toBuilder().property("extra", true).profile("email", "x@y.z").build();

        assertThat(empty.properties()).isSameAs(Event.builder().properties(Map.of()).build().properties()).isEmpty();
        assertThat(copy.properties()).isSameAs(event.properties());
        assertThat(copy.profile()).isEqualTo(Map.of("email", "a@b.c"));
        assertThat(changed.properties()).containsExactly(Map.entry("score", 1L), Map.entry("extra", true));
        assertThat(changed.profile()).isEqualTo(Map.of("email", "x@y.z"));
        assertThat(event.properties()).containsOnlyKeys("score");
        assertThat(event.profile()).isEqualTo(Map.of("email", "a@b.c"));
    }

    @Test
    void properties_areUnmodifiableAtEveryLevel() {
        Event event = Event.builder().property("order", Map.of("items", List.of(1))).build();
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) event.properties().get("order");

        assertThatThrownBy(() -> event.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.remove("items")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) order.get("items")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void properties_keepInsertionOrderAndBehaveAsMaps_smallAndLarge() {
        for (int size : new int[] {0, 1, 8, 9, 40}) {
            Map<String, Object> given = new LinkedHashMap<>();
            for (int i = size; i > 0; i--) {
                given.put("k" + i, (long) i);
            }
            Map<String, Object> frozen = Event.builder().properties(given).build().properties();

            assertThat(frozen).isEqualTo(given).hasSameHashCodeAs(given);
            assertThat(frozen.keySet()).containsExactlyElementsOf(given.keySet());
            for (String key : given.keySet()) {
                assertThat(frozen.get(key)).isEqualTo(given.get(key));
                assertThat(frozen.containsKey(key)).isTrue();
            }
            assertThat(frozen.get("absent")).isNull();
            assertThat(frozen.containsKey("absent")).isFalse();
            assertThat(frozen.containsKey(null)).isFalse();
        }
    }

    @Test
    void historyEntry_sharesAnEventsPropertiesAndCopiesOthers() {
        Event event = Event.builder().property("score", 1).build();
        HistoryEntry shared = entry(event.properties());
        Map<String, Object> mutable = new HashMap<>(Map.of("score", 1));
        HistoryEntry copied = entry(mutable);
        mutable.put("score", 2);

        assertThat(shared.properties()).isSameAs(event.properties());
        assertThat(copied.properties()).containsExactly(Map.entry("score", 1L));
    }

    private static HistoryEntry entry(Map<String, Object> properties) {
        return new HistoryEntry("e1", "p", "t", Instant.EPOCH, 1, properties, List.of(), List.of());
    }
}
