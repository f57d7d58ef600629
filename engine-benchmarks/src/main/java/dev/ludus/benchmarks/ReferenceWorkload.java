package dev.ludus.benchmarks;

import dev.ludus.api.Event;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The reference workload of SPEC section 14 ("RW-1000" for 1,000 rules): a game of generated rules and
 * a fixed set of pre-built events, shared by every benchmark so that their numbers compare.
 *
 * <p><b>Rules.</b> With {@code T} event types, rule {@code i} ({@code 0 <= i < ruleCount}) has id
 * {@code rule-%04d}, triggers on {@code type_%02d} of {@code i % T}, holds when
 * {@code property_gte score (i * 37) % 100} and {@code property_eq category "cat" + ((i / T) % 5)}, and
 * runs {@code grant_xp ((i % 10) + 1) * 10} then {@code grant_currency coins (i % 7) + 1}. The game
 * declares no levels, currencies, badges or quests, so the default exponential level curve applies and
 * {@code coins} is an implicit currency. SPEC 14 fixes {@code T = 50}, which is what {@link #of(int)}
 * builds: 1,000 rules give each event type 20 candidate rules, and other rule counts change that number.
 * {@link #scaled(int)} instead scales {@code T} with the rule count ({@code T = ruleCount / 20}) so that
 * every event type keeps {@value #CANDIDATES_PER_TYPE} candidates, four per category, whatever the rule
 * count: the two coincide for RW-1000. Below 40 rules there is one event type, so 10 rules give 10
 * candidates.
 *
 * <p><b>Events.</b> {@value #EVENT_COUNT} events drawn from {@code new Random(}{@value #SEED}{@code )}.
 * For each event, in this order: event type {@code nextInt(T)}, category {@code nextInt(5)}, score
 * {@code nextInt(100)}, player {@code nextInt(10_000)}. An event is
 * {@code externalUserId "player-%05d"}, {@code eventType "type_%02d"} and the properties
 * {@code score} (built from an {@code int}, held by the event as a {@link Long}) and {@code category} ({@code "cat0"}…{@code "cat4"}); it has no
 * event id, timestamp, idempotency key or profile, so the engine generates the id and takes the time
 * from its clock, as it would for an application that tracks events as they happen. The events depend
 * on {@code T} but not on the rule count, so {@link #of(int)} draws the same events for every count.
 *
 * <p>Instances are immutable and thread-safe; {@link #newEngine()} returns a new engine each time.
 */
public final class ReferenceWorkload {
    /** Rule count of RW-1000. */
    public static final int DEFAULT_RULE_COUNT = 1_000;
    /** Number of distinct event types of SPEC 14, {@code type_00}…{@code type_49}. */
    public static final int EVENT_TYPES = 50;
    /** Candidate rules per event type in RW-1000, which {@link #scaled(int)} keeps for every rule count. */
    public static final int CANDIDATES_PER_TYPE = 20;
    /** Number of distinct categories, {@code cat0}…{@code cat4}. */
    public static final int CATEGORIES = 5;
    /** Scores are drawn from {@code 0} to {@code SCORE_BOUND - 1}. */
    public static final int SCORE_BOUND = 100;
    /** Number of distinct players, {@code player-00000}…{@code player-09999}. */
    public static final int PLAYERS = 10_000;
    /** Number of pre-built events; a power of two so a benchmark can cycle through them with a mask. */
    public static final int EVENT_COUNT = 4_096;
    /** Seed of the {@link Random} that draws the events. */
    public static final long SEED = 42L;
    /** Name of the currency every rule grants. */
    public static final String CURRENCY = "coins";

    private final int ruleCount;
    private final int eventTypes;
    private final List<RuleSpec> rules;
    private final String gameJson;
    private final List<Event> events;

    private ReferenceWorkload(int ruleCount, int eventTypes) {
        this.ruleCount = ruleCount;
        this.eventTypes = eventTypes;
        List<RuleSpec> specs = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            specs.add(RuleSpec.of(i, eventTypes));
        }
        this.rules = Collections.unmodifiableList(specs);
        this.gameJson = toGameJson(ruleCount, rules, Conditions.TYPED);
        this.events = Collections.unmodifiableList(generateEvents(eventTypes));
    }

    /** @return RW-1000 */
    public static ReferenceWorkload rw1000() {
        return of(DEFAULT_RULE_COUNT);
    }

    /**
     * @param ruleCount number of rules, at least 1
     * @return the workload with that many rules and the usual {@value #EVENT_COUNT} events
     * @throws IllegalArgumentException when {@code ruleCount} is below 1 or above 10,000 (rule ids have four digits)
     */
    public static ReferenceWorkload of(int ruleCount) {
        requireRuleCount(ruleCount);
        return new ReferenceWorkload(ruleCount, EVENT_TYPES);
    }

    /**
     * @param ruleCount number of rules, at least 1
     * @return the workload with {@code max(1, ruleCount / 20)} event types, so that each type has
     *         {@value #CANDIDATES_PER_TYPE} candidate rules (all of them when there are fewer); RW-1000 for 1,000
     * @throws IllegalArgumentException when {@code ruleCount} is below 1 or above 10,000 (rule ids have four digits)
     */
    public static ReferenceWorkload scaled(int ruleCount) {
        requireRuleCount(ruleCount);
        return new ReferenceWorkload(ruleCount, Math.max(1, ruleCount / CANDIDATES_PER_TYPE));
    }

    private static void requireRuleCount(int ruleCount) {
        if (ruleCount < 1 || ruleCount > 10_000) {
            throw new IllegalArgumentException("ruleCount must be in 1..10000, was " + ruleCount);
        }
    }

    /** @return the number of rules */
    public int ruleCount() {
        return ruleCount;
    }

    /** @return the number of event types, {@code T} */
    public int eventTypes() {
        return eventTypes;
    }

    /** @return the rules in document order (index {@code i} is rule {@code i}), unmodifiable */
    public List<RuleSpec> rules() {
        return rules;
    }

    /** @return the game definition as a JSON document */
    public String gameJson() {
        return gameJson;
    }

    /**
     * @return the game with each rule's two conditions written as one expression condition,
     *         {@code {"type": "expression", "expression": "score >= 37 && category == 'cat0'"}}; it fires exactly
     *         what {@link #gameJson()} fires
     */
    public String expressionGameJson() {
        return toGameJson(ruleCount, rules, Conditions.EXPRESSION);
    }

    /** @return the {@value #EVENT_COUNT} events in draw order, unmodifiable */
    public List<Event> events() {
        return events;
    }

    /**
     * @return each event as one line of JSON in the form {@code ludus run} reads
     *         ({@code {"externalUserId":"player-01234","eventType":"type_07","properties":{"score":37,"category":"cat2"}}}),
     *         in draw order
     */
    public List<String> jsonLines() {
        List<String> lines = new ArrayList<>(events.size());
        for (Event event : events) {
            // Every value is an ASCII identifier or a number, so nothing needs escaping.
            lines.add("{\"externalUserId\":\"" + event.externalUserId() + "\",\"eventType\":\"" + event.eventType()
                    + "\",\"properties\":{\"score\":" + event.properties().get("score") + ",\"category\":\""
                    + event.properties().get("category") + "\"}}");
        }
        return lines;
    }

    /** @return a new Ludus engine for this game, with the default in-memory store and the system clock */
    public RuleEngine newEngine() {
        return Ludus.builder().game(gameJson).build();
    }

    /** @return a new hand-written baseline for these rules, with no player state */
    public HandWrittenBaseline newBaseline() {
        return new HandWrittenBaseline(rules);
    }

    /** @return {@code type_%02d} of {@code index} */
    public static String eventType(int index) {
        return String.format(Locale.ROOT, "type_%02d", index);
    }

    /** @return {@code cat} followed by {@code index} */
    public static String category(int index) {
        return "cat" + index;
    }

    /** @return {@code player-%05d} of {@code index} */
    public static String player(int index) {
        return String.format(Locale.ROOT, "player-%05d", index);
    }

    private static List<Event> generateEvents(int eventTypes) {
        // The types, categories and players are interned in tables so equal values are the same String,
        // as they would be for an application reading them from a fixed vocabulary.
        String[] types = new String[eventTypes];
        for (int t = 0; t < eventTypes; t++) {
            types[t] = eventType(t);
        }
        String[] categories = new String[CATEGORIES];
        for (int c = 0; c < CATEGORIES; c++) {
            categories[c] = category(c);
        }
        String[] players = new String[PLAYERS];
        for (int p = 0; p < PLAYERS; p++) {
            players[p] = player(p);
        }
        Random random = new Random(SEED);
        List<Event> out = new ArrayList<>(EVENT_COUNT);
        for (int n = 0; n < EVENT_COUNT; n++) {
            int type = random.nextInt(eventTypes);
            int category = random.nextInt(CATEGORIES);
            int score = random.nextInt(SCORE_BOUND);
            int player = random.nextInt(PLAYERS);
            out.add(Event.builder()
                    .externalUserId(players[player])
                    .eventType(types[type])
                    .property("score", score)
                    .property("category", categories[category])
                    .build());
        }
        return out;
    }

    /** How a rule's two conditions are written in the game JSON. */
    private enum Conditions { TYPED, EXPRESSION }

    private static String toGameJson(int ruleCount, List<RuleSpec> rules, Conditions conditions) {
        StringBuilder json = new StringBuilder(256 * ruleCount + 64);
        json.append("{\"id\":\"rw-").append(ruleCount)
                .append("\",\"version\":\"rw-").append(ruleCount).append("\",\"rules\":[");
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            rules.get(i).appendJson(json, conditions);
        }
        return json.append("]}").toString();
    }

    /**
     * One generated rule, with its conditions and actions as plain values.
     *
     * @param index     position in the game, {@code i}
     * @param id        {@code rule-%04d} of {@code i}
     * @param name      {@code Rule %04d} of {@code i}
     * @param eventType trigger, {@code type_%02d} of {@code i % T}
     * @param minScore  {@code property_gte score}, {@code (i * 37) % 100}
     * @param category  {@code property_eq category}, {@code "cat" + ((i / T) % 5)}
     * @param xp        {@code grant_xp} amount, {@code ((i % 10) + 1) * 10}
     * @param coins     {@code grant_currency coins} amount, {@code (i % 7) + 1}
     */
    public record RuleSpec(int index, String id, String name, String eventType, int minScore, String category,
                           long xp, long coins) {

        /** @return rule {@code i} of the reference workload of SPEC 14 (50 event types) */
        public static RuleSpec of(int i) {
            return of(i, EVENT_TYPES);
        }

        /** @return rule {@code i} of the reference workload with {@code eventTypes} event types */
        public static RuleSpec of(int i, int eventTypes) {
            return new RuleSpec(i,
                    String.format(Locale.ROOT, "rule-%04d", i),
                    String.format(Locale.ROOT, "Rule %04d", i),
                    ReferenceWorkload.eventType(i % eventTypes),
                    (i * 37) % 100,
                    ReferenceWorkload.category((i / eventTypes) % CATEGORIES),
                    ((i % 10) + 1) * 10L,
                    (i % 7) + 1L);
        }

        /** @return the rule's two conditions as one expression, {@code score >= 37 && category == 'cat0'} */
        public String expression() {
            return "score >= " + minScore + " && category == '" + category + "'";
        }

        void appendJson(StringBuilder json, Conditions conditions) {
            // Every value is an ASCII identifier or a number, so nothing needs escaping.
            json.append("{\"id\":\"").append(id)
                    .append("\",\"name\":\"").append(name)
                    .append("\",\"trigger\":{\"eventType\":\"").append(eventType)
                    .append("\"},\"conditions\":[");
            if (conditions == Conditions.EXPRESSION) {
                json.append("{\"type\":\"expression\",\"expression\":\"").append(expression()).append("\"}");
            } else {
                json.append("{\"type\":\"property_gte\",\"property\":\"score\",\"value\":").append(minScore)
                        .append("},{\"type\":\"property_eq\",\"property\":\"category\",\"value\":\"")
                        .append(category).append("\"}");
            }
            json.append("],\"actions\":[")
                    .append("{\"type\":\"grant_xp\",\"amount\":").append(xp)
                    .append("},{\"type\":\"grant_currency\",\"currency\":\"").append(CURRENCY)
                    .append("\",\"amount\":").append(coins)
                    .append("}]}");
        }
    }
}
