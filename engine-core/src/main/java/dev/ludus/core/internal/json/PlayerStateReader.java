package dev.ludus.core.internal.json;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.core.internal.util.JsonValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads player states (SPEC section 7): one state object, or the {@code {"players": [...]}} document that
 * {@code ludus run --state-out} writes. A document is recognised by its {@code players} field.
 *
 * <p>Strict, so a typo never silently drops data: unknown fields, values of the wrong type or range, a badge
 * listed twice and a player given twice are all errors naming the field. Only {@code externalUserId} is
 * required; a JSON {@code null} or an absent field takes the value of a new player (0 XP, level 1, nothing
 * owned, version 0, {@code xpToNextLevel} 0). Levels are taken as written, not recomputed from XP: that needs
 * the game's level curve.
 *
 * <p>The whole document is read before its shape is checked, so broken JSON is reported as such wherever it
 * occurs; then the first shape problem in document order is reported. Every problem is
 * {@link ErrorCode#INVALID_JSON}: the input is JSON, but not a player state file.
 */
public final class PlayerStateReader {
    private static final Set<String> FIELDS = Set.of("attributes", "badges", "currencies", "externalUserId", "level",
            "profile", "quests", "version", "xp", "xpToNextLevel");
    private static final Set<String> QUEST_FIELDS = Set.of("completed", "completions", "progress", "target");

    private PlayerStateReader() {
    }

    /**
     * @param parser a parser positioned before the document; the caller closes it
     * @return the players in document order, never {@code null}
     * @throws LudusException {@link ErrorCode#INVALID_JSON} when the input is not exactly one JSON object, or
     *                        not a player state or state document
     */
    public static List<PlayerState> read(JsonParser parser) {
        Map<String, Object> document;
        try {
            document = readDocument(parser);
        } catch (JacksonException e) {
            throw new LudusException(ErrorCode.INVALID_JSON, JsonInput.describe(e), e);
        }
        return document.containsKey("players") ? players(document) : List.of(state(document, ""));
    }

    private static Map<String, Object> readDocument(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw invalid("no JSON value");
        }
        if (first != JsonToken.START_OBJECT) {
            throw invalid("player states must be a JSON object, either one player state or {\"players\": [...]}, "
                    + "found " + JsonInput.describe(first));
        }
        Map<String, Object> document = JsonInput.readObject(parser);
        if (parser.nextToken() != null) {
            throw invalid("unexpected content after the JSON object" + JsonInput.at(parser.currentTokenLocation()));
        }
        return document;
    }

    private static List<PlayerState> players(Map<String, Object> document) {
        for (String name : document.keySet()) {
            if (!name.equals("players")) {
                throw invalid("unknown field '" + name + "' next to players; a state document holds only players");
            }
        }
        if (!(document.get("players") instanceof List<?> elements)) {
            throw invalid("players must be an array, found " + JsonValues.describe(document.get("players")));
        }
        List<PlayerState> states = new ArrayList<>(elements.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            String path = "players[" + i + "]";
            PlayerState state = state(object(elements.get(i), path), path + ".");
            Integer earlier = firstIndex.putIfAbsent(state.externalUserId(), i);
            if (earlier != null) {
                throw invalid(path + ".externalUserId '" + state.externalUserId() + "' is already given by players["
                        + earlier + "]");
            }
            states.add(state);
        }
        return states;
    }

    /** @param prefix the path of the state's fields in messages: empty, or {@code players[2].} */
    private static PlayerState state(Map<String, Object> fields, String prefix) {
        String externalUserId = null;
        long xp = 0;
        int level = 1;
        long xpToNextLevel = 0;
        long version = 0;
        Map<String, Long> currencies = Map.of();
        TreeSet<String> badges = new TreeSet<>();
        Map<String, QuestState> quests = Map.of();
        Map<String, Object> attributes = Map.of();
        Map<String, String> profile = Map.of();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String path = prefix + field.getKey();
            Object value = field.getValue();
            if (value == null && FIELDS.contains(field.getKey())) {
                continue;
            }
            switch (field.getKey()) {
                case "externalUserId" -> externalUserId = string(value, path);
                case "xp" -> xp = wholeNumber(value, path, 0);
                case "level" -> level = level(value, path);
                case "xpToNextLevel" -> xpToNextLevel = wholeNumber(value, path, 0);
                case "version" -> version = wholeNumber(value, path, 0);
                case "currencies" -> currencies = currencies(value, path);
                case "badges" -> badges = badges(value, path);
                case "quests" -> quests = quests(value, path);
                case "attributes" -> attributes = attributes(value, path);
                case "profile" -> profile = profile(value, path);
                default -> throw invalid("unknown field '" + path + "'; known: " + known(FIELDS));
            }
        }
        if (externalUserId == null) {
            throw invalid(prefix + "externalUserId is required in a player state");
        }
        if (externalUserId.isBlank()) {
            throw invalid(prefix + "externalUserId must not be blank");
        }
        return new PlayerState(externalUserId, xp, level, xpToNextLevel, currencies, badges, quests, attributes,
                profile, version);
    }

    private static int level(Object value, String path) {
        if (value instanceof Long n && n >= 1 && n <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw invalid(path + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", found "
                + JsonValues.describe(value));
    }

    private static Map<String, Long> currencies(Object value, String path) {
        Map<String, Long> balances = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object(value, path).entrySet()) {
            balances.put(entry.getKey(), wholeNumber(entry.getValue(), path + "." + entry.getKey(), 0));
        }
        return balances;
    }

    private static TreeSet<String> badges(Object value, String path) {
        if (!(value instanceof List<?> elements)) {
            throw invalid(path + " must be an array of strings, found " + JsonValues.describe(value));
        }
        TreeSet<String> badges = new TreeSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String badge = string(elements.get(i), path + "[" + i + "]");
            if (!badges.add(badge)) {
                throw invalid(path + " lists '" + badge + "' twice");
            }
        }
        return badges;
    }

    private static Map<String, QuestState> quests(Object value, String path) {
        Map<String, QuestState> quests = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object(value, path).entrySet()) {
            String questPath = path + "." + entry.getKey();
            quests.put(entry.getKey(), quest(object(entry.getValue(), questPath), questPath + "."));
        }
        return quests;
    }

    private static QuestState quest(Map<String, Object> fields, String prefix) {
        long progress = 0;
        Long target = null;
        boolean completed = false;
        long completions = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String path = prefix + field.getKey();
            Object value = field.getValue();
            if (value == null && QUEST_FIELDS.contains(field.getKey())) {
                continue;
            }
            switch (field.getKey()) {
                case "progress" -> progress = wholeNumber(value, path, 0);
                case "target" -> target = wholeNumber(value, path, 1);
                case "completed" -> completed = bool(value, path);
                case "completions" -> completions = wholeNumber(value, path, 0);
                default -> throw invalid("unknown field '" + path + "'; known in a quest: " + known(QUEST_FIELDS));
            }
        }
        return new QuestState(progress, target, completed, completions);
    }

    private static Map<String, Object> attributes(Object value, String path) {
        Map<String, Object> attributes = object(value, path);
        requireFinite(attributes, path);
        return attributes;
    }

    /** A number too large for a double reads as infinity, which has no JSON form to write the state back. */
    private static void requireFinite(Object value, String path) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw invalid(path + " must be a finite number, found a number beyond the range of a double");
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> requireFinite(element, path + "." + key));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireFinite(list.get(i), path + "[" + i + "]");
            }
        }
    }

    private static Map<String, String> profile(Object value, String path) {
        Map<String, String> profile = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object(value, path).entrySet()) {
            profile.put(entry.getKey(), string(entry.getValue(), path + "." + entry.getKey()));
        }
        return profile;
    }

    @SuppressWarnings("unchecked") // JsonInput builds every object as a Map<String, Object>
    private static Map<String, Object> object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw invalid(path + " must be an object, found " + JsonValues.describe(value));
    }

    private static String string(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw invalid(path + " must be a string, found " + JsonValues.describe(value));
    }

    private static boolean bool(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(path + " must be true or false, found " + JsonValues.describe(value));
    }

    private static long wholeNumber(Object value, String path, long min) {
        if (value instanceof Long n && n >= min) {
            return n;
        }
        throw invalid(path + " must be a whole number >= " + min + ", found " + JsonValues.describe(value));
    }

    private static String known(Set<String> fields) {
        return String.join(", ", new TreeSet<>(fields));
    }

    private static LudusException invalid(String message) {
        return new LudusException(ErrorCode.INVALID_JSON, message);
    }
}
