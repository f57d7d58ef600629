package dev.ludus.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ExpressionPolicy;
import dev.ludus.core.internal.compile.CompiledGame;
import dev.ludus.core.internal.compile.GameCompiler;
import dev.ludus.core.internal.expression.Expressions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A player's engine data as the engine reads, changes and commits it: one top-level entry holding every key,
 * unchanged records committed as they were loaded, keys no loaded rule uses dropped, durable stores' plain maps
 * and the earlier flat layout read.
 */
class EngineDataTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Keeps "limit|a", "limit|b" and "limit|c". */
    private static final CompiledGame ABC = game("a", "b", "c");
    /** Keeps "limit|a" only. */
    private static final CompiledGame A = game("a");

    private static CompiledGame game(String... limitedRules) {
        String rules = Stream.of(limitedRules).map(id -> """
                { "id": "%s", "name": "%s", "trigger": { "eventType": "e" }, "limits": { "maxPerPlayer": 1 },
                  "actions": [ { "type": "grant_xp", "amount": 1 } ] }""".formatted(id, id))
                .collect(Collectors.joining(",", "{\"rules\": [", "]}"));
        return new GameCompiler(List.of(), List.of(), Expressions.of(ExpressionPolicy.SANDBOXED)).compile(rules);
    }

    private final EngineData data = new EngineData();

    /** Loads {@code stored} under {@code game}, puts each pair of {@code keysAndValues}, and commits. */
    private Map<String, Object> run(Map<String, Object> stored, CompiledGame game, Object... keysAndValues) {
        data.load(stored, game);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        Map<String, Object> committed = data.committed();
        data.release();
        return committed;
    }

    @Test
    void aPlayerWithoutData_commitsTheEmptyMapItWasGiven_untilAWrite() {
        Map<String, Object> none = Map.of();
        assertThat(run(none, ABC)).isSameAs(none);

        Map<String, Object> committed = run(none, ABC, "limit|a", List.of(1L));
        assertThat(committed).isEqualTo(Map.of("entries", Map.of("limit|a", List.of(1L))));
    }

    @Test
    void dataCommittedUnderTheSameGame_isCommittedAgainAsItWas_whenTheEventChangesNothing() {
        Map<String, Object> first = run(Map.of(), ABC, "limit|a", 1L, "limit|b", 2L);

        data.load(first, ABC);
        assertThat(data.get("limit|b")).isEqualTo(2L);
        assertThat(data.get("limit|c")).isNull();
        assertThat(data.committed()).isSameAs(first);
    }

    @Test
    void aWrite_leavesThePreviouslyCommittedDataUnchanged() {
        Map<String, Object> first = run(Map.of(), ABC, "limit|a", 1L, "limit|b", 2L);
        Map<String, Object> second = run(first, ABC, "limit|a", 10L, "limit|c", 3L);
        Map<String, Object> third = run(second, ABC, "limit|b", 20L);

        assertThat(first).isEqualTo(entries("limit|a", 1L, "limit|b", 2L));
        assertThat(second).isEqualTo(entries("limit|a", 10L, "limit|b", 2L, "limit|c", 3L));
        assertThat(third).isEqualTo(entries("limit|a", 10L, "limit|b", 20L, "limit|c", 3L));
    }

    @Test
    void dataCommittedUnderAnotherGame_losesTheKeysThisGameDoesNotKeep_onceOnly() {
        Map<String, Object> underAbc = run(Map.of(), ABC, "limit|a", 1L, "limit|b", 2L);

        Map<String, Object> underA = run(underAbc, A);
        assertThat(underA).isEqualTo(entries("limit|a", 1L));
        assertThat(underAbc).isEqualTo(entries("limit|a", 1L, "limit|b", 2L));
        assertThat(run(underA, A)).isSameAs(underA);

        assertThat(run(underAbc, A, "limit|a", 5L)).isEqualTo(entries("limit|a", 5L));
        assertThat(run(run(Map.of(), ABC, "limit|b", 2L), A)).isEmpty();
    }

    @Test
    void aDurableStoresPlainMap_isReadWithoutTheKeysThisGameDoesNotKeep() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("limit|a", List.of(1)); // Integers, as after a JSON round trip
        nested.put("limit|gone", List.of(2));
        Map<String, Object> stored = Map.of("entries", nested);

        data.load(stored, A);
        assertThat(data.get("limit|a")).isEqualTo(List.of(1));
        assertThat(data.get("limit|gone")).isNull();
        Map<String, Object> committed = data.committed();
        assertThat(committed).isEqualTo(entries("limit|a", List.of(1)));
        assertThat(nested).containsOnlyKeys("limit|a", "limit|gone");

        assertThat(run(committed, A)).as("committed under this game: not read again").isSameAs(committed);
        assertThat(run(committed, A, "limit|a", List.of(2L))).isEqualTo(entries("limit|a", List.of(2L)));
        assertThat(committed).isEqualTo(entries("limit|a", List.of(1)));
    }

    @Test
    void theEarlierLayout_oneTopLevelKeyPerEntry_isReadAsEntries_andCommittedInTheNewOne() {
        Map<String, Object> flat = Map.of("limit|a", 1L, "limit|b", 2L, "limit|gone", 3L);

        assertThat(run(flat, ABC)).isEqualTo(entries("limit|a", 1L, "limit|b", 2L));
        assertThat(run(flat, ABC, "limit|c", 4L)).isEqualTo(entries("limit|a", 1L, "limit|b", 2L, "limit|c", 4L));
        assertThat(run(Map.of("limit|a", 1L, "entries", Map.of("limit|a", 2L)), ABC))
                .as("both layouts at once: the entries win").isEqualTo(entries("limit|a", 2L));
    }

    @Test
    void nullValuesAndKeysThatAreNotStrings_inAPlainMap_areDropped() {
        Map<Object, Object> nested = new HashMap<>();
        nested.put("limit|a", null);
        nested.put(7, 1L);
        nested.put("limit|b", 2L);

        assertThat(run(Map.of("entries", nested), ABC)).isEqualTo(entries("limit|b", 2L));
    }

    @Test
    void entriesThatAreNotAMap_areRefused() {
        assertThatThrownBy(() -> data.load(Map.of("entries", "oops"), ABC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the player's engine data holds java.lang.String under 'entries', not a map from keys to"
                        + " aggregates and limit counters");
    }

    @Test
    void committedEntries_areReadOnly() {
        Map<String, Object> committed = run(Map.of(), ABC, "limit|a", 1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) committed.get("entries");

        assertThatThrownBy(() -> kept.put("limit|b", 2L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kept.entrySet().iterator().next().setValue(5L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kept.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(kept).containsExactly(Map.entry("limit|a", 1L));
    }

    @Test
    void committedEntries_serialiseAsPlainMaps_thatReadBackAsADurableStoresMap() throws Exception {
        Map<String, Object> committed = run(Map.of(), ABC, "limit|a", List.of(1L, 2L), "limit|b", 3L);

        String json = JSON.writeValueAsString(committed);
        assertThat(json).isEqualTo("{\"entries\":{\"limit|a\":[1,2],\"limit|b\":3}}");
        @SuppressWarnings("unchecked")
        Map<String, Object> fromJson = JSON.readValue(json, Map.class);
        assertThat(run(fromJson, ABC)).isEqualTo(entries("limit|a", List.of(1, 2), "limit|b", 3));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(committed));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Map<?, ?> read = (Map<?, ?>) in.readObject();
            assertThat(read.get("entries")).isExactlyInstanceOf(LinkedHashMap.class);
            assertThat(read).isEqualTo(committed);
        }
    }

    /**
     * Whatever sequence of events, game reloads and durable-store round trips, the committed entries are what a
     * plain map would hold with the writes applied and the keys of the current game kept.
     *
     * @param steps each: 0–2 a write of key a, b or c; 3 a reload switching between the two games; 4 a round
     *              trip through JSON, as a durable store would make; 5 a commit
     */
    @Property(tries = 500)
    void matchesAPlainMapModel(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> steps) {
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> stored = Map.of();
        CompiledGame game = ABC;
        data.load(stored, game);
        long value = 0;
        for (int step : steps) {
            if (step <= 2) {
                String key = "limit|" + (char) ('a' + step);
                if (game.keepsData(key)) { // the engine writes only keys of loaded rules
                    data.put(key, ++value);
                    model.put(key, value);
                }
                continue;
            }
            stored = data.committed();
            data.release();
            if (step == 3) {
                game = game == ABC ? A : ABC;
            } else if (step == 4) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fromJson = JSON.readValue(JSON.writeValueAsString(stored), Map.class);
                stored = fromJson;
            }
            data.load(stored, game);
            CompiledGame current = game;
            model.keySet().removeIf(key -> !current.keepsData(key));
        }
        Map<String, Object> committed = data.committed();
        Map<?, ?> entries = committed.isEmpty() ? Map.of() : (Map<?, ?>) committed.get("entries");
        // as JSON: values read back from JSON are Integers where the model has Longs
        assertThat(JSON.writeValueAsString(new TreeMap<>(entries)))
                .isEqualTo(JSON.writeValueAsString(new TreeMap<>(model)));
    }

    private static Map<String, Object> entries(Object... keysAndValues) {
        Map<String, Object> entries = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("entries", entries);
    }
}
