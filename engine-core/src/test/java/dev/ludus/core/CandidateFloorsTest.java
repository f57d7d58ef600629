package dev.ludus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.ConditionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An event walks only some of its type's rules: rules whose first condition is a whole-number lower bound
 * ({@code property_gte score 37}) are passed over when the event's value is below it, and rules that need a
 * property to equal another literal ({@code property_eq category "c1"}) are split off; the rules walked do not test
 * again the equality that chose them, nor a first bound the event's whole number meets. That must never change
 * an outcome: the same games with each rule's conditions wrapped in one {@code all} (so that nothing is passed
 * over or split off) must give the same results, failures and suppressions included, and the same players.
 */
class CandidateFloorsTest {
    /** {@code explode}: throws on an odd {@code score}, holds otherwise; a failure the pass-over must not hide. */
    private static final ConditionType EXPLODE = CustomTypesTest.condition("explode", Set.of(), (config, context) -> ctx -> {
        if (ctx.property("score") instanceof Long score && score % 2 != 0) {
            throw new IllegalStateException("odd score " + score);
        }
        return true;
    });

    /**
     * {@code property_eq} literals that meet or miss {@link #CATEGORY_VALUES} in every way JSON equality allows: whole
     * numbers written as such and as doubles, fractions, -0.0, booleans, strings that look like numbers, and whole
     * numbers beyond 2^53, where doubles no longer hold every whole number, up to the edges of a long.
     */
    private static final String[] LITERALS = {"0", "1", "2", "1.0", "0.0", "-0.0", "1.5", "2.5", "1e0", "true",
            "false", "\"1\"", "\"true\"", "9007199254740993", "9007199254740992.0", "[1]", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808"};
    private static final Object[] CATEGORY_VALUES = {0L, 1L, 2L, 0.0, -0.0, 1.0, 1.5, 2.5, true, false, "1", "true",
            9007199254740992L, 9007199254740993L, 9007199254740992.0, List.of(1L), Long.MAX_VALUE, 0x1p63,
            Long.MIN_VALUE, -0x1p63};

    @Test
    void passingOverRulesBelowTheirBound_changesNoOutcome() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<String[]> rules = randomRules(random);
            RuleEngine floored = engine(rules, false);
            RuleEngine reference = engine(rules, true);
            for (int i = 0; i < 60; i++) {
                var event = Fixtures.event("p" + random.nextInt(3), random.nextInt(8) == 0 ? "other" : "t",
                        randomProperties(random));
                EventResult expected = reference.track(event);
                EventResult actual = floored.track(event);

                String where = "seed " + seed + ", event " + i + " " + event.properties();
                assertThat(actual.status()).as(where).isEqualTo(expected.status());
                assertThat(actual.rulesTriggered()).as(where).isEqualTo(expected.rulesTriggered());
                assertThat(actual.actionsExecuted()).as(where).isEqualTo(expected.actionsExecuted());
                assertThat(actual.rulesFailed()).as(where).isEqualTo(expected.rulesFailed());
                assertThat(actual.rulesSuppressed()).as(where).isEqualTo(expected.rulesSuppressed());
                assertThat(actual.updates()).as(where).isEqualTo(expected.updates());
            }
            for (String player : List.of("p0", "p1", "p2")) {
                assertThat(floored.player(player)).as("seed " + seed).isEqualTo(reference.player(player));
            }
        }
    }

    @Test
    void theWorkloadThatMotivatedIt_firesTheRulesAtOrAboveTheirBound() {
        RuleEngine engine = Fixtures.engine(Fixtures.rules(
                rule("low", "[" + bound("property_gte", "score", "10") + "]"),
                rule("strict", "[" + bound("property_gt", "score", "20") + "]"),
                rule("high", "[" + bound("property_gte", "score", "90") + "]"),
                rule("double", "[" + bound("property_gte", "score", "20.5") + "]")));

        assertThat(engine.track(Fixtures.event("a", "t", Map.of("score", 20))).rulesTriggered())
                .containsExactly("low");
        assertThat(engine.track(Fixtures.event("a", "t", Map.of("score", 21))).rulesTriggered())
                .containsExactly("low", "strict", "double");
        assertThat(engine.track(Fixtures.event("a", "t", Map.of("score", 20.75))).rulesTriggered())
                .containsExactly("low", "strict", "double");
        assertThat(engine.track(Fixtures.event("a", "t", Map.of("score", Long.MAX_VALUE))).rulesTriggered())
                .containsExactly("low", "strict", "high", "double");
        assertThat(engine.track(Fixtures.event("a", "t", Map.of("score", "95"))).rulesTriggered()).isEmpty();
        assertThat(engine.track(Fixtures.event("a", "t", Map.of())).rulesTriggered()).isEmpty();
    }

    @Test
    void theSplitOnEqualLiterals_matchesNumbersExactly_beyondWhereDoublesHoldEveryWholeNumber() {
        // Beyond 2^53 a whole number can fall between two doubles: 9007199254740993 is not the double 2^53, and
        // numbers compare exactly, so the split must keep them apart too, and must still let equal ones meet.
        String[][] cases = {
                {"9007199254740993", "9007199254740992.0", "none"},
                {"9007199254740993.0", "9007199254740993", "none"}, // the literal reads as the double 2^53
                {"9007199254740993", "9007199254740993", "eq0"},
                {"9007199254740992", "9007199254740992.0", "eq0"},
                {"9007199254740992.0", "9007199254740992", "eq0"},
                {"9223372036854775807", "9.223372036854775807E18", "none"}, // the double is 2^63
                {"9223372036854775808", "9.223372036854775807E18", "eq0"}, // both 2^63, beyond every long
                {"-9223372036854775808", "-9.223372036854775808E18", "eq0"}, // -2^63 is Long.MIN_VALUE
                {"1e19", "1.0E19", "eq0"},
                {"-9007199254740993", "-9007199254740992.0", "none"},
                {"-0.0", "0", "eq0"},
        };
        for (String[] c : cases) {
            List<String[]> rules = new ArrayList<>();
            for (String literal : List.of(c[0], "\"foo\"", "\"bar\"", "7")) {
                rules.add(new String[] {Fixtures.rule("eq" + rules.size(), "t", "CONDITIONS",
                        "[{\"type\": \"grant_xp\", \"amount\": 1}]"),
                        "[{\"type\": \"property_eq\", \"property\": \"x\", \"value\": " + literal + "}]"});
            }
            Object value = c[1].contains(".") || c[1].contains("E") ? (Object) Double.parseDouble(c[1]) : (Object) Long.parseLong(c[1]);
            var event = Fixtures.event("p", "t", Map.of("x", value));

            List<String> expected = c[2].equals("none") ? List.of() : List.of(c[2]);
            assertThat(engine(rules, false).track(event).rulesTriggered()).as(c[0] + " vs " + c[1])
                    .isEqualTo(engine(rules, true).track(event).rulesTriggered()).isEqualTo(expected);
        }
    }

    private static RuleEngine engine(List<String[]> rules, boolean wrapConditions) {
        List<String> json = new ArrayList<>();
        for (String[] rule : rules) {
            String conditions = wrapConditions && !rule[1].equals("[]")
                    ? "[{\"type\": \"all\", \"conditions\": " + rule[1] + "}]" : rule[1];
            json.add(rule[0].replace("CONDITIONS", conditions));
        }
        return Ludus.builder().game(Fixtures.rules(json.toArray(String[]::new))).clock(Fixtures.CLOCK)
                .conditionType(EXPLODE).build();
    }

    /** @return rules as {template with CONDITIONS, conditions array} */
    private static List<String[]> randomRules(Random random) {
        List<String[]> rules = new ArrayList<>();
        int count = 5 + random.nextInt(25);
        for (int i = 0; i < count; i++) {
            List<String> conditions = new ArrayList<>();
            switch (random.nextInt(8)) {
                case 0, 1 -> conditions.add(bound("property_gte", "score", random.nextInt(20) == 0
                        ? String.valueOf(Long.MIN_VALUE) : String.valueOf(random.nextInt(120) - 10)));
                case 2 -> conditions.add(bound("property_gt", "score", random.nextInt(10) == 0
                        ? String.valueOf(Long.MAX_VALUE) : String.valueOf(random.nextInt(120) - 10)));
                case 3 -> conditions.add(bound("property_gte", "score", (random.nextInt(100)) + ".5"));
                case 4 -> conditions.add(bound("property_gte", "level", String.valueOf(random.nextInt(5))));
                case 5 -> conditions.add("{\"type\": \"explode\"}");
                case 6 -> conditions.add(equals("category", random));
                default -> { } // no condition
            }
            if (random.nextBoolean()) {
                conditions.add(switch (random.nextInt(3)) {
                    case 0 -> "{\"type\": \"explode\"}";
                    case 1 -> equals("category", random);
                    default -> bound("property_lt", "score", String.valueOf(random.nextInt(120)));
                });
            }
            String limits = random.nextInt(6) == 0 ? ", \"limits\": {\"maxPerPlayer\": 2}" : "";
            String stop = random.nextInt(10) == 0 ? ", \"stopProcessing\": true" : "";
            String template = ("{\"id\": \"r%d\", \"name\": \"r%d\", \"priority\": %d, \"trigger\": {\"eventType\": \"%s\"},"
                    + " \"conditions\": CONDITIONS, \"actions\": [{\"type\": \"grant_xp\", \"amount\": %d}]%s%s}")
                    .formatted(i, i, random.nextInt(4), random.nextInt(10) == 0 ? "*" : "t", 1 + random.nextInt(50),
                            limits, stop);
            rules.add(new String[] {template, "[" + String.join(", ", conditions) + "]"});
        }
        return rules;
    }

    private static Map<String, Object> randomProperties(Random random) {
        Map<String, Object> properties = Fixtures.props("level", (long) random.nextInt(6));
        if (random.nextInt(8) != 0) { // else missing
            properties.put("category", random.nextBoolean() ? "c" + random.nextInt(3)
                    : CATEGORY_VALUES[random.nextInt(CATEGORY_VALUES.length)]);
        }
        switch (random.nextInt(7)) {
            case 0 -> properties.put("score", random.nextInt(100) + 0.5);
            case 1 -> properties.put("score", "high");
            case 2 -> { } // missing
            case 3 -> properties.put("score", random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            default -> properties.put("score", (long) random.nextInt(130) - 15);
        }
        return properties;
    }

    /** @return a {@code property_eq} on {@code property} with a string literal or one of {@link #LITERALS} */
    private static String equals(String property, Random random) {
        String literal = random.nextBoolean() ? "\"c" + random.nextInt(3) + "\"" : LITERALS[random.nextInt(LITERALS.length)];
        return "{\"type\": \"property_eq\", \"property\": \"%s\", \"value\": %s}".formatted(property, literal);
    }

    private static String bound(String type, String property, String value) {
        return "{\"type\": \"%s\", \"property\": \"%s\", \"value\": %s}".formatted(type, property, value);
    }

    private static String rule(String id, String conditions) {
        return Fixtures.rule(id, "t", conditions, "[{\"type\": \"grant_xp\", \"amount\": 1}]");
    }
}
