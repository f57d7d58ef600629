package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.rule;
import static dev.ludus.core.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.EventResult;
import dev.ludus.api.RuleEngine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The {@code property_*} conditions of SPEC 4.2, seen from the outside: does a rule with the condition fire? */
class PropertyConditionsTest {

    /** Builds a one-rule game with {@code condition} and tracks one event with {@code properties}. */
    static boolean fires(String condition, Map<String, ?> properties) {
        RuleEngine engine = Fixtures.engine(rules(rule("r", "e", "[" + condition + "]",
                "[{\"type\": \"grant_xp\", \"amount\": 1}]")));
        EventResult result = processed(engine, event("u", "e", properties));
        assertThat(result.rulesFailed()).isEmpty();
        return result.rulesTriggered().contains("r");
    }

    @Nested
    class Eq {
        static final String SCORE_95 = "{\"type\": \"property_eq\", \"property\": \"score\", \"value\": 95}";

        @Test
        void propertyEq_whenSameNumber_holds() {
            assertThat(fires(SCORE_95, props("score", 95))).isTrue();
        }

        @Test
        void propertyEq_whenDifferentNumber_doesNotHold() {
            assertThat(fires(SCORE_95, props("score", 96))).isFalse();
        }

        @Test
        void propertyEq_comparesNumbersByValue_wholeEqualsDecimal() {
            assertThat(fires(SCORE_95, props("score", 95.0))).isTrue();
            assertThat(fires(SCORE_95, props("score", new BigDecimal("95.00")))).isTrue();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"score\", \"value\": 95.0}",
                    props("score", 95))).isTrue();
        }

        @Test
        void propertyEq_negativeZeroEqualsZero() {
            // "numbers compare by value": -0.0 and 0 are the same number
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"x\", \"value\": 0}", props("x", -0.0))).isTrue();
        }

        @Test
        void propertyEq_doesNotCoerceStringToNumber() {
            assertThat(fires(SCORE_95, props("score", "95"))).isFalse();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"score\", \"value\": \"95\"}",
                    props("score", 95))).isFalse();
        }

        @Test
        void propertyEq_onStringsAndBooleans_comparesExactly() {
            String gold = "{\"type\": \"property_eq\", \"property\": \"tier\", \"value\": \"gold\"}";
            assertThat(fires(gold, props("tier", "gold"))).isTrue();
            assertThat(fires(gold, props("tier", "Gold"))).isFalse();
            String yes = "{\"type\": \"property_eq\", \"property\": \"flag\", \"value\": true}";
            assertThat(fires(yes, props("flag", true))).isTrue();
            assertThat(fires(yes, props("flag", "true"))).isFalse();
            assertThat(fires(yes, props("flag", 1))).isFalse();
        }

        @Test
        void propertyEq_whenPropertyMissing_doesNotHold() {
            assertThat(fires(SCORE_95, props("other", 95))).isFalse();
        }

        @Test
        void propertyEq_whenPropertyNull_doesNotHoldForANumber() {
            assertThat(fires(SCORE_95, props("score", null))).isFalse();
        }

        @Test
        void propertyEq_withNullValue_holdsForANullProperty() {
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"score\", \"value\": null}",
                    props("score", null))).isTrue();
        }

        @Test
        void propertyEq_onArraysAndObjects_comparesStructurally() {
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"tags\", \"value\": [\"a\", 1]}",
                    props("tags", List.of("a", 1.0)))).isTrue();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"o\", \"value\": {\"k\": 1}}",
                    props("o", Map.of("k", 1)))).isTrue();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"o\", \"value\": {\"k\": 1}}",
                    props("o", Map.of("k", 2)))).isFalse();
        }

        @Test
        void propertyNeq_isTheNegationOfEq() {
            String neq = "{\"type\": \"property_neq\", \"property\": \"score\", \"value\": 95}";
            assertThat(fires(neq, props("score", 96))).isTrue();
            assertThat(fires(neq, props("score", 95))).isFalse();
            assertThat(fires(neq, props("score", 95.0))).isFalse();
            assertThat(fires(neq, props("score", "95"))).isTrue();
            assertThat(fires(neq, props())).isTrue();
        }
    }

    @Nested
    class Comparisons {
        static String cond(String type, Object value) {
            return "{\"type\": \"" + type + "\", \"property\": \"score\", \"value\": " + value + "}";
        }

        @Test
        void propertyGt_isStrict() {
            assertThat(fires(cond("property_gt", 80), props("score", 81))).isTrue();
            assertThat(fires(cond("property_gt", 80), props("score", 80))).isFalse();
            assertThat(fires(cond("property_gt", 80), props("score", 80.5))).isTrue();
        }

        @Test
        void propertyGte_includesTheBound() {
            assertThat(fires(cond("property_gte", 80), props("score", 80))).isTrue();
            assertThat(fires(cond("property_gte", 80), props("score", 80.0))).isTrue();
            assertThat(fires(cond("property_gte", 80), props("score", 79))).isFalse();
            assertThat(fires(cond("property_gte", 79.5), props("score", 80))).isTrue();
        }

        @Test
        void propertyLt_isStrict() {
            assertThat(fires(cond("property_lt", 10), props("score", 9))).isTrue();
            assertThat(fires(cond("property_lt", 10), props("score", 10))).isFalse();
            assertThat(fires(cond("property_lt", 10), props("score", -3.5))).isTrue();
        }

        @Test
        void propertyLte_includesTheBound() {
            assertThat(fires(cond("property_lte", 10), props("score", 10))).isTrue();
            assertThat(fires(cond("property_lte", 10), props("score", 10.000001))).isFalse();
        }

        @Test
        void comparisons_onLargeWholeNumbers_areExact() {
            // 2^53 + 1 is not representable as a double: comparing as doubles would call them equal
            assertThat(fires(cond("property_gt", 9007199254740992L), props("score", 9007199254740993L))).isTrue();
            assertThat(fires(cond("property_lte", Long.MAX_VALUE), props("score", Long.MAX_VALUE))).isTrue();
            assertThat(fires(cond("property_lt", Long.MAX_VALUE), props("score", Long.MAX_VALUE))).isFalse();
            assertThat(fires(cond("property_gt", Long.MIN_VALUE), props("score", Long.MIN_VALUE + 1))).isTrue();
            assertThat(fires(cond("property_gt", Long.MAX_VALUE), props("score", 1e19))).isTrue();
        }

        @Test
        void comparisons_withNegativeZero_compareByValue() {
            assertThat(fires(cond("property_gte", 0), props("score", -0.0))).isTrue();
            assertThat(fires(cond("property_lte", 0), props("score", -0.0))).isTrue();
        }

        @Test
        void comparisons_onNonNumbers_doNotHold() {
            for (String type : List.of("property_gt", "property_gte", "property_lt", "property_lte")) {
                assertThat(fires(cond(type, 80), props("score", "95"))).as(type + " on \"95\"").isFalse();
                assertThat(fires(cond(type, 80), props("score", "5"))).as(type + " on \"5\"").isFalse();
                assertThat(fires(cond(type, 80), props("score", true))).as(type + " on true").isFalse();
                assertThat(fires(cond(type, 80), props("score", List.of(90)))).as(type + " on [90]").isFalse();
            }
        }

        @Test
        void comparisons_onMissingOrNullProperty_doNotHold() {
            for (String type : List.of("property_gt", "property_gte", "property_lt", "property_lte")) {
                assertThat(fires(cond(type, 80), props())).as(type + " missing").isFalse();
                assertThat(fires(cond(type, 80), props("score", null))).as(type + " null").isFalse();
            }
        }

        @Test
        void propertyBetween_includesBothBounds() {
            String between = "{\"type\": \"property_between\", \"property\": \"score\", \"min\": 10, \"max\": 20}";
            assertThat(fires(between, props("score", 10))).isTrue();
            assertThat(fires(between, props("score", 15.5))).isTrue();
            assertThat(fires(between, props("score", 20))).isTrue();
            assertThat(fires(between, props("score", 9.99))).isFalse();
            assertThat(fires(between, props("score", 21))).isFalse();
            assertThat(fires(between, props("score", "15"))).isFalse();
            assertThat(fires(between, props())).isFalse();
            assertThat(fires(between, props("score", null))).isFalse();
        }
    }

    @Nested
    class Membership {
        static final String IN = "{\"type\": \"property_in\", \"property\": \"tier\", \"values\": [\"gold\", \"silver\", 3]}";
        static final String NOT_IN = "{\"type\": \"property_not_in\", \"property\": \"tier\", \"values\": [\"gold\", \"silver\", 3]}";

        @Test
        void propertyIn_whenOneOfTheValues_holds() {
            assertThat(fires(IN, props("tier", "gold"))).isTrue();
            assertThat(fires(IN, props("tier", "silver"))).isTrue();
            assertThat(fires(IN, props("tier", 3.0))).isTrue();
        }

        @Test
        void propertyIn_whenNoneOfTheValues_doesNotHold() {
            assertThat(fires(IN, props("tier", "bronze"))).isFalse();
            assertThat(fires(IN, props("tier", "3"))).isFalse();
            assertThat(fires(IN, props())).isFalse();
            assertThat(fires(IN, props("tier", null))).isFalse();
        }

        @Test
        void propertyNotIn_isTheNegationOfIn() {
            assertThat(fires(NOT_IN, props("tier", "bronze"))).isTrue();
            assertThat(fires(NOT_IN, props("tier", "3"))).isTrue();
            assertThat(fires(NOT_IN, props())).isTrue();
            assertThat(fires(NOT_IN, props("tier", "gold"))).isFalse();
            assertThat(fires(NOT_IN, props("tier", 3))).isFalse();
        }

        @Test
        void propertyContains_onArray_matchesAnElement() {
            String featured = "{\"type\": \"property_contains\", \"property\": \"tags\", \"value\": \"featured\"}";
            assertThat(fires(featured, props("tags", List.of("new", "featured")))).isTrue();
            assertThat(fires(featured, props("tags", List.of("new")))).isFalse();
            assertThat(fires(featured, props("tags", List.of()))).isFalse();
            String two = "{\"type\": \"property_contains\", \"property\": \"ids\", \"value\": 2}";
            assertThat(fires(two, props("ids", List.of(1, 2.0)))).isTrue();
            assertThat(fires(two, props("ids", List.of("2")))).isFalse();
        }

        @Test
        void propertyContains_onString_matchesASubstring() {
            String sub = "{\"type\": \"property_contains\", \"property\": \"title\", \"value\": \"java\"}";
            assertThat(fires(sub, props("title", "intro to java streams"))).isTrue();
            assertThat(fires(sub, props("title", "intro to Java streams"))).isFalse();
            assertThat(fires(sub, props("title", 42))).isFalse();
            assertThat(fires(sub, props())).isFalse();
        }

        @Test
        void propertyExists_whenPresentAndNotNull_holds() {
            String exists = "{\"type\": \"property_exists\", \"property\": \"coupon\"}";
            assertThat(fires(exists, props("coupon", "X1"))).isTrue();
            assertThat(fires(exists, props("coupon", false))).isTrue();
            assertThat(fires(exists, props("coupon", 0))).isTrue();
            assertThat(fires(exists, props("coupon", null))).isFalse();
            assertThat(fires(exists, props())).isFalse();
        }

        @Test
        void propertyNotExists_isTheNegationOfExists() {
            String notExists = "{\"type\": \"property_not_exists\", \"property\": \"coupon\"}";
            assertThat(fires(notExists, props())).isTrue();
            assertThat(fires(notExists, props("coupon", null))).isTrue();
            assertThat(fires(notExists, props("coupon", ""))).isFalse();
        }

        @Test
        void propertyMatches_usesFindNotFullMatch() {
            String sku = "{\"type\": \"property_matches\", \"property\": \"sku\", \"pattern\": \"AB-[0-9]+\"}";
            assertThat(fires(sku, props("sku", "AB-12"))).isTrue();
            assertThat(fires(sku, props("sku", "xx AB-12 yy"))).isTrue();
            assertThat(fires(sku, props("sku", "ab-12"))).isFalse();
            String anchored = "{\"type\": \"property_matches\", \"property\": \"sku\", \"pattern\": \"^AB-[0-9]+$\"}";
            assertThat(fires(anchored, props("sku", "xx AB-12"))).isFalse();
        }

        @Test
        void propertyMatches_onNonString_doesNotHold() {
            String digits = "{\"type\": \"property_matches\", \"property\": \"n\", \"pattern\": \"[0-9]\"}";
            assertThat(fires(digits, props("n", 123))).isFalse();
            assertThat(fires(digits, props("n", null))).isFalse();
            assertThat(fires(digits, props())).isFalse();
        }
    }

    /**
     * A whole number and a decimal compare exactly, not as two doubles: beyond 2^53 a long can fall between two
     * doubles, and Long.MAX_VALUE as a double is 2^63, one more than itself.
     */
    @Nested
    class WholeAgainstDecimal {
        static final long TWO_53_PLUS_1 = 9007199254740993L;
        static final double TWO_53 = 9007199254740992.0;
        static final double TWO_63 = 0x1p63; // what the JSON 9223372036854775806.5 reads as

        static String cond(String type, Object value) {
            return "{\"type\": \"" + type + "\", \"property\": \"v\", \"value\": " + value + "}";
        }

        @Test
        void propertyEq_wholeBoundBeyond2pow53_isNotTheNearestDecimal() {
            assertThat(fires(cond("property_eq", TWO_53_PLUS_1), props("v", TWO_53))).isFalse();
            assertThat(fires(cond("property_neq", TWO_53_PLUS_1), props("v", TWO_53))).isTrue();
            assertThat(fires(cond("property_eq", TWO_53_PLUS_1), props("v", TWO_53_PLUS_1))).isTrue();
            assertThat(fires(cond("property_eq", "9007199254740992"), props("v", TWO_53))).isTrue();
        }

        @Test
        void propertyEq_decimalBound_isNotTheNearestWholeProperty() {
            assertThat(fires(cond("property_eq", "9007199254740992.0"), props("v", TWO_53_PLUS_1))).isFalse();
            assertThat(fires(cond("property_eq", "9007199254740992.0"), props("v", 9007199254740992L))).isTrue();
        }

        @Test
        void propertyIn_andContains_useTheSameExactEquality() {
            String in = "{\"type\": \"property_in\", \"property\": \"v\", \"values\": [9007199254740993]}";
            assertThat(fires(in, props("v", TWO_53))).isFalse();
            assertThat(fires(in, props("v", TWO_53_PLUS_1))).isTrue();
            String notIn = in.replace("property_in", "property_not_in");
            assertThat(fires(notIn, props("v", TWO_53))).isTrue();
            String contains = "{\"type\": \"property_contains\", \"property\": \"v\", \"value\": 9007199254740993}";
            assertThat(fires(contains, props("v", List.of(TWO_53)))).isFalse();
            assertThat(fires(contains, props("v", List.of(1, TWO_53_PLUS_1)))).isTrue();
        }

        @Test
        void comparisons_decimalAt2pow63_isAboveEveryWholeNumber() {
            assertThat(fires(cond("property_gt", 9223372036854775806L), props("v", TWO_63))).isTrue();
            assertThat(fires(cond("property_gt", Long.MAX_VALUE), props("v", TWO_63))).isTrue();
            assertThat(fires(cond("property_lte", Long.MAX_VALUE), props("v", TWO_63))).isFalse();
            assertThat(fires(cond("property_gte", Long.MAX_VALUE), props("v", TWO_63))).isTrue();
            assertThat(fires(cond("property_lt", Long.MAX_VALUE), props("v", Math.nextDown(TWO_63)))).isTrue();
        }

        @Test
        void comparisons_decimalAtMinus2pow63_isLongMinValue_andBelowItIsBelowEveryWholeNumber() {
            assertThat(fires(cond("property_eq", Long.MIN_VALUE), props("v", -TWO_63))).isTrue();
            assertThat(fires(cond("property_lt", Long.MIN_VALUE + 1), props("v", -TWO_63))).isTrue();
            assertThat(fires(cond("property_gte", Long.MIN_VALUE + 1), props("v", -TWO_63))).isFalse();
            assertThat(fires(cond("property_lt", Long.MIN_VALUE), props("v", Math.nextDown(-TWO_63)))).isTrue();
            assertThat(fires(cond("property_gte", Long.MIN_VALUE), props("v", Math.nextDown(-TWO_63)))).isFalse();
        }

        @Test
        void comparisons_wholePropertyAgainstDecimalBound_areExact() {
            assertThat(fires(cond("property_gt", "9007199254740992.0"), props("v", TWO_53_PLUS_1))).isTrue();
            assertThat(fires(cond("property_lte", "9007199254740992.0"), props("v", TWO_53_PLUS_1))).isFalse();
            assertThat(fires(cond("property_lt", "9223372036854775806.5"), props("v", Long.MAX_VALUE))).isTrue();
            assertThat(fires(cond("property_gte", "9223372036854775806.5"), props("v", Long.MAX_VALUE))).isFalse();
            // and a whole bound beyond a long is a decimal, above every whole property
            assertThat(fires(cond("property_lt", "9223372036854775808"), props("v", Long.MAX_VALUE))).isTrue();
        }

        @Test
        void comparisons_fractionsDecideBetweenEqualIntegerParts() {
            assertThat(fires(cond("property_gt", 2), props("v", 2.5))).isTrue();
            assertThat(fires(cond("property_lt", 3), props("v", 2.5))).isTrue();
            assertThat(fires(cond("property_lt", -2), props("v", -2.5))).isTrue();
            assertThat(fires(cond("property_gt", -3), props("v", -2.5))).isTrue();
            assertThat(fires(cond("property_gte", 2), props("v", 1.9999999999999998))).isFalse();
            assertThat(fires(cond("property_lte", 2251799813685248L), props("v", 2251799813685248.5))).isFalse();
            assertThat(fires(cond("property_gt", "2.5"), props("v", 3))).isTrue();
            assertThat(fires(cond("property_gt", "-2.5"), props("v", -2))).isTrue();
        }

        @Test
        void propertyBetween_isExactAtBothEnds() {
            String between = "{\"type\": \"property_between\", \"property\": \"v\", "
                    + "\"min\": 9007199254740993, \"max\": 9007199254740995}";
            assertThat(fires(between, props("v", TWO_53))).isFalse();
            assertThat(fires(between, props("v", 9007199254740994.0))).isTrue();
            assertThat(fires(between, props("v", TWO_53_PLUS_1))).isTrue();
        }

        @Test
        void expressions_compareExactlyToo_inTheFastPathAndTheTreeWalk() {
            for (String tail : List.of("", " && true")) {
                assertThat(fires(expression("v > 9223372036854775806" + tail), props("v", TWO_63))).as(tail).isTrue();
                assertThat(fires(expression("v <= 9223372036854775807" + tail), props("v", TWO_63))).as(tail).isFalse();
                assertThat(fires(expression("v < 9007199254740993" + tail), props("v", TWO_53))).as(tail).isTrue();
                assertThat(fires(expression("v >= 9007199254740993" + tail), props("v", TWO_53))).as(tail).isFalse();
            }
            assertThat(fires(expression("v == 9007199254740993"), props("v", TWO_53))).isFalse();
            assertThat(fires(expression("v != 9007199254740993"), props("v", TWO_53))).isTrue();
            assertThat(fires(expression("v == 9007199254740992"), props("v", TWO_53))).isTrue();
        }

        @Test
        void expressions_negativeZeroEqualsZero_asInThePropertyConditions() {
            assertThat(fires(expression("v == 0"), props("v", -0.0))).isTrue();
            assertThat(fires(expression("v == 0.0 && true"), props("v", -0.0))).isTrue();
            assertThat(fires(expression("v < 0"), props("v", -0.0))).isFalse();
            assertThat(fires(expression("v < 0.0 && true"), props("v", -0.0))).isFalse();
        }

        private static String expression(String source) {
            return "{\"type\": \"expression\", \"expression\": \"" + source + "\"}";
        }
    }

    @Nested
    class Paths {
        static final Map<String, Object> ORDER = props(
                "order", Map.of("total", 149.99, "currency", "EUR"),
                "items", List.of(Map.of("sku", "A-1", "qty", 2), Map.of("sku", "B-2", "qty", 1)),
                "matrix", List.of(List.of(1, 2), List.of(3, 4)),
                "byIndex", Map.of("0", "zero"));

        @Test
        void dotPath_readsNestedObjects() {
            assertThat(fires("{\"type\": \"property_gte\", \"property\": \"order.total\", \"value\": 100}", ORDER)).isTrue();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"order.currency\", \"value\": \"EUR\"}", ORDER)).isTrue();
        }

        @Test
        void numericSegment_indexesArrays() {
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"items.0.sku\", \"value\": \"A-1\"}", ORDER)).isTrue();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"items.1.sku\", \"value\": \"B-2\"}", ORDER)).isTrue();
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"matrix.1.0\", \"value\": 3}", ORDER)).isTrue();
        }

        @Test
        void numericSegment_onObject_isAnOrdinaryKey() {
            assertThat(fires("{\"type\": \"property_eq\", \"property\": \"byIndex.0\", \"value\": \"zero\"}", ORDER)).isTrue();
        }

        @Test
        void pathsThatLeadNowhere_areMissing() {
            for (String path : List.of("items.2.sku", "items.x", "order.total.cents", "order.nope", "nope.deeper")) {
                assertThat(fires("{\"type\": \"property_exists\", \"property\": \"" + path + "\"}", ORDER))
                        .as(path).isFalse();
                assertThat(fires("{\"type\": \"property_not_exists\", \"property\": \"" + path + "\"}", ORDER))
                        .as(path).isTrue();
            }
        }
    }
}
