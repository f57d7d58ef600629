package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LudusJsonReadPlayerStatesTest {
    private static final PlayerState ANA = new PlayerState("ana", 970, 5, 349, Map.of("coins", 645L, "gems", 0L),
            new TreeSet<>(List.of("rising-star", "first-lesson")),
            Map.of("five-lessons", new QuestState(5, 5L, true, 1), "undeclared", new QuestState(2, null, false, 0)),
            attributes(), Map.of("email", "ana@example.com", "displayName", "Ana"), 10);

    @Test
    void readPlayerStates_whenOneWrittenState_readsItBackEqual() {
        assertThat(LudusJson.readPlayerStates(LudusJson.write(ANA))).containsExactly(ANA);
    }

    @Test
    void readPlayerStates_whenStateDocument_readsEveryPlayerInDocumentOrder() {
        PlayerState bo = PlayerState.initial("bo", 100);
        String document = "{\"players\": [\n" + LudusJson.write(bo) + ",\n" + LudusJson.write(ANA) + "\n]}\n";

        assertThat(LudusJson.readPlayerStates(document)).containsExactly(bo, ANA);
    }

    @Test
    void readPlayerStates_whenDocumentHasNoPlayers_returnsEmptyList() {
        assertThat(LudusJson.readPlayerStates("{\"players\": []}")).isEmpty();
    }

    @Test
    void readPlayerStates_whenOnlyExternalUserIdGiven_fillsInANewPlayer() {
        assertThat(LudusJson.readPlayerStates("{\"externalUserId\": \"u1\"}"))
                .containsExactly(PlayerState.initial("u1", 0));
    }

    @Test
    void readPlayerStates_whenFieldIsNull_treatsItAsAbsent() {
        assertThat(LudusJson.readPlayerStates("""
                {"externalUserId": "u1", "xp": null, "level": null, "badges": null, "quests": {"q": {"target": null}},
                 "attributes": null}"""))
                .containsExactly(new PlayerState("u1", 0, 1, 0, Map.of(), new TreeSet<>(),
                        Map.of("q", new QuestState(0, null, false, 0)), Map.of(), Map.of(), 0));
    }

    @Test
    void readPlayerStates_whenHandWritten_readsLevelAsGivenAndTypesAttributeNumbersAsReadEventDoes() {
        PlayerState state = LudusJson.readPlayerStates("""
                {"externalUserId": "u1", "level": 7, "currencies": {"coins": 50},
                 "attributes": {"tier": "gold", "score": 95, "ratio": 0.5, "huge": 123456789012345678901,
                                "tags": ["a", 1], "cleared": null}}""").get(0);

        assertThat(state.level()).isEqualTo(7);
        assertThat(state.xp()).isZero();
        assertThat(state.balance("coins")).isEqualTo(50);
        assertThat(state.attributes()).containsEntry("score", 95L).containsEntry("ratio", 0.5)
                .containsEntry("huge", 1.2345678901234568E20).containsEntry("tags", List.of("a", 1L))
                .containsEntry("cleared", null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                     | no JSON value
            `[{"externalUserId": "u1"}]`           | player states must be a JSON object, either one player state or {"players": [...]}, found an array
            `"u1"`                                 | player states must be a JSON object, either one player state or {"players": [...]}, found a string
            `{"externalUserId": "u1"`              | not valid JSON at column 24: Unexpected end-of-input: expected close marker for Object
            `{"externalUserId": "u1"} {}`          | unexpected content after the JSON object at column 26
            `{"externalUserId": "u1", "xp": 1, "xp": 2}` | not valid JSON at column 39: Duplicate Object property "xp"
            `{"players": [{"externalUserId": "u1", "xp": 1,}]}` | not valid JSON at column 47: Unexpected character ('}' (code 125)): was expecting double-quote to start property name
            `{"externalUserId": "u1", "xp": 5, "level": }` | not valid JSON at column 44
            """)
    void readPlayerStates_whenNotExactlyOneJsonObject_rejectsAsInvalidJson(String json, String message) {
        assertRejected(json, message);
    }

    @Test
    void readPlayerStates_whenSyntaxErrorIsOnALaterLine_reportsLineAndColumn() {
        assertRejected("{\"players\": [\n{\"externalUserId\": \"u1\"},\n{\"externalUserId\" \"u2\"}\n]}",
                "not valid JSON at line 3, column 19: Unexpected character ('\"' (code 34)): was expecting a colon "
                        + "to separate property name and value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{}`                                                  | externalUserId is required in a player state
            `{"xp": 5}`                                           | externalUserId is required in a player state
            `{"externalUserId": "  "}`                            | externalUserId must not be blank
            `{"externalUserId": 7}`                               | externalUserId must be a string, found number 7
            `{"externalUserId": "u1", "coins": 5}`                | unknown field 'coins'; known: attributes, badges, currencies, externalUserId, level, profile, quests, version, xp, xpToNextLevel
            `{"externalUserId": "u1", "tes": null}`               | unknown field 'tes'; known: attributes,
            `{"externalUserId": "u1", "xp": -1}`                  | xp must be a whole number >= 0, found number -1
            `{"externalUserId": "u1", "xp": 1.5}`                 | xp must be a whole number >= 0, found number 1.5
            `{"externalUserId": "u1", "xp": 10.0}`                | xp must be a whole number >= 0, found number 10.0
            `{"externalUserId": "u1", "xp": "10"}`                | xp must be a whole number >= 0, found string "10"
            `{"externalUserId": "u1", "xp": 123456789012345678901}` | xp must be a whole number >= 0, found number 1.2345678901234568E20
            `{"externalUserId": "u1", "level": 0}`                | level must be a whole number from 1 to 2147483647, found number 0
            `{"externalUserId": "u1", "level": 2147483648}`       | level must be a whole number from 1 to 2147483647, found number 2147483648
            `{"externalUserId": "u1", "xpToNextLevel": -5}`       | xpToNextLevel must be a whole number >= 0, found number -5
            `{"externalUserId": "u1", "version": true}`           | version must be a whole number >= 0, found boolean true
            `{"externalUserId": "u1", "currencies": [1]}`         | currencies must be an object, found an array
            `{"externalUserId": "u1", "currencies": {"coins": -3}}` | currencies.coins must be a whole number >= 0, found number -3
            `{"externalUserId": "u1", "currencies": {"coins": null}}` | currencies.coins must be a whole number >= 0, found null
            `{"externalUserId": "u1", "badges": "gold"}`          | badges must be an array of strings, found string "gold"
            `{"externalUserId": "u1", "badges": ["a", 3]}`        | badges[1] must be a string, found number 3
            `{"externalUserId": "u1", "badges": ["b", "a", "b"]}` | badges lists 'b' twice
            `{"externalUserId": "u1", "quests": []}`              | quests must be an object, found an array
            `{"externalUserId": "u1", "quests": {"q": 3}}`        | quests.q must be an object, found number 3
            `{"externalUserId": "u1", "quests": {"q": {"progress": -1}}}` | quests.q.progress must be a whole number >= 0, found number -1
            `{"externalUserId": "u1", "quests": {"q": {"target": 0}}}` | quests.q.target must be a whole number >= 1, found number 0
            `{"externalUserId": "u1", "quests": {"q": {"completed": "yes"}}}` | quests.q.completed must be true or false, found string "yes"
            `{"externalUserId": "u1", "quests": {"q": {"completions": 1.5}}}` | quests.q.completions must be a whole number >= 0, found number 1.5
            `{"externalUserId": "u1", "quests": {"q": {"done": true}}}` | unknown field 'quests.q.done'; known in a quest: completed, completions, progress, target
            `{"externalUserId": "u1", "attributes": "gold"}`      | attributes must be an object, found string "gold"
            `{"externalUserId": "u1", "attributes": {"big": 1e400}}` | attributes.big must be a finite number, found a number beyond the range of a double
            `{"externalUserId": "u1", "attributes": {"s": {"v": [1, -1e999]}}}` | attributes.s.v[1] must be a finite number, found a number beyond the range of a double
            `{"externalUserId": "u1", "profile": {"email": 5}}`   | profile.email must be a string, found number 5
            `{"externalUserId": "u1", "profile": []}`             | profile must be an object, found an array
            """)
    void readPlayerStates_whenStateHasWrongShape_rejectsNamingTheField(String json, String message) {
        assertRejected(json, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"players": null}`                                   | players must be an array, found null
            `{"players": {"externalUserId": "u1"}}`               | players must be an array, found an object
            `{"players": [], "version": 1}`                       | unknown field 'version' next to players; a state document holds only players
            `{"players": [{"externalUserId": "u1"}, 5]}`          | players[1] must be an object, found number 5
            `{"players": [{"externalUserId": "u1"}, {}]}`         | players[1].externalUserId is required in a player state
            `{"players": [{"externalUserId": "u1", "xp": -2}]}`   | players[0].xp must be a whole number >= 0, found number -2
            `{"players": [{"externalUserId": "u1", "quests": {"q": {"x": 1}}}]}` | unknown field 'players[0].quests.q.x'; known in a quest:
            `{"players": [{"externalUserId": "u1", "coins": 1}]}` | unknown field 'players[0].coins'; known: attributes,
            `{"players": [{"externalUserId": "u1"}, {"externalUserId": "u2"}, {"externalUserId": "u1"}]}` | players[2].externalUserId 'u1' is already given by players[0]
            """)
    void readPlayerStates_whenDocumentHasWrongShape_rejectsNamingThePlayer(String json, String message) {
        assertRejected(json, message);
    }

    @Test
    void readPlayerStates_whenSeveralShapeProblems_reportsTheFirstInDocumentOrder() {
        assertRejected("{\"externalUserId\": \"u1\", \"level\": 0, \"xp\": -1}",
                "level must be a whole number from 1 to 2147483647, found number 0");
    }

    @Test
    void readPlayerStates_whenNull_throwsNullPointerException() {
        assertThatThrownBy(() -> LudusJson.readPlayerStates(null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> LudusJson.readPlayerStates(json))
                .isInstanceOfSatisfying(LudusException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON))
                .hasMessageStartingWith(message);
    }

    private static Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("tier", "gold");
        attributes.put("score", 9.5);
        attributes.put("visits", 12L);
        attributes.put("tags", Arrays.asList("x", 2L, null));
        attributes.put("stats", Map.of("best", 3L));
        attributes.put("cleared", null);
        return attributes;
    }
}
