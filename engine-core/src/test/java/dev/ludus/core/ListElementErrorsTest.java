package dev.ludus.core;

import static dev.ludus.core.CompileErrorsTest.errors;
import static dev.ludus.core.CompileErrorsTest.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * A list element that is not an object is one error, at that element; the other elements of the list are still
 * compiled and checked, so their real errors are reported and no false "unknown field" errors are.
 */
class ListElementErrorsTest {

    @Test
    void conditionsAndActions_nonObjectElements_areReported_andTheOthersAreCheckedNormally() {
        String game = "{\"rules\":[{\"id\":\"a\",\"name\":\"a\",\"trigger\":{\"eventType\":\"e\"},"
                + "\"conditions\":[42,{\"type\":\"property_gte\",\"property\":\"score\",\"value\":\"80\"}],"
                + "\"actions\":[{\"type\":\"grant_xp\",\"amount\":1},null]}]}";

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::ruleId, CompileError::code,
                CompileError::message).containsExactly(
                tuple("/rules/0/conditions/0", "a", ErrorCode.INVALID_RULE,
                        "expected an element of 'conditions' (an object), found number 42"),
                tuple("/rules/0/conditions/1/value", "a", ErrorCode.INVALID_RULE,
                        "expected a number, found string \"80\""),
                tuple("/rules/0/actions/1", "a", ErrorCode.INVALID_RULE,
                        "expected an element of 'actions' (an object), found null"));
    }

    @Test
    void conditions_onlyNonObjectElements_giveOneErrorEach() {
        assertThat(errors(CompileErrorsTest.withCondition("1, \"x\"")))
                .extracting(CompileError::pointer, CompileError::message).containsExactly(
                        tuple("/rules/0/conditions/0", "expected an element of 'conditions' (an object), found number 1"),
                        tuple("/rules/0/conditions/1",
                                "expected an element of 'conditions' (an object), found string \"x\""));
    }

    @Test
    void questRewards_nonObjectElement_doesNotHideTheOtherRewardsErrors() {
        String game = "{\"quests\":[{\"id\":\"q\",\"target\":1,\"rewards\":[7,"
                + "{\"type\":\"grant_xp\",\"amount\":1,\"currency\":\"coins\"}]}]}";

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::ruleId, CompileError::message)
                .containsExactly(
                        tuple("/quests/0/rewards/0", null, "expected an element of 'rewards' (an object), found number 7"),
                        tuple("/quests/0/rewards/1/currency", null, "unknown field 'currency' in action 'grant_xp'"
                                + "; known: amount, type"));
    }

    @Test
    void levelRewards_nonObjectElement_doesNotHideTheOtherRewardsErrors() {
        String game = "{\"levels\":{\"rewards\":{\"2\":[true,{\"type\":\"grant_xp\",\"amount\":-1}]}}}";

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::message).containsExactly(
                tuple("/levels/rewards/2/0", "expected an element of '2' (an object), found boolean true"),
                tuple("/levels/rewards/2/1/amount", "expected a whole number >= 0 or { \"expression\": \"...\" }"
                        + ", found -1"));
    }

    @Test
    void anyConditions_nonObjectElement_doesNotHideTheOtherConditionsErrors() {
        String game = CompileErrorsTest.withCondition("{\"type\":\"any\",\"conditions\":[\"x\","
                + "{\"type\":\"property_gte\",\"property\":\"score\",\"value\":\"80\"}]}");

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::message).containsExactly(
                tuple("/rules/0/conditions/0/conditions/0",
                        "expected an element of 'conditions' (an object), found string \"x\""),
                tuple("/rules/0/conditions/0/conditions/1/value", "expected a number, found string \"80\""));
    }

    @Test
    void anyConditions_onlyNonObjectElements_isOneErrorPerElement_notAlsoAnEmptyAny() {
        single(CompileErrorsTest.withCondition("{\"type\":\"any\",\"conditions\":[42]}"),
                "/rules/0/conditions/0/conditions/0", "r", ErrorCode.INVALID_RULE,
                "expected an element of 'conditions' (an object), found number 42");
    }

    @Test
    void currencies_nonObjectElement_keepsTheCatalog() {
        String game = "{\"currencies\":[{\"id\":\"coins\"},\"oops\"],\"rules\":[{\"id\":\"r\",\"name\":\"R\","
                + "\"trigger\":{\"eventType\":\"e\"},\"actions\":[{\"type\":\"grant_currency\",\"currency\":\"gems\","
                + "\"amount\":1}]}]}";

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::ruleId, CompileError::message)
                .containsExactly(
                        tuple("/currencies/1", null,
                                "expected an element of 'currencies' (an object), found string \"oops\""),
                        tuple("/rules/0/actions/0/currency", "r", "unknown currency 'gems'; known: coins"));
    }

    @Test
    void badgesAndQuests_nonObjectElement_keepTheCatalogAndCheckTheOthers() {
        String game = "{\"badges\":[[],{\"id\":\"b\",\"icon\":\"x\"}],\"quests\":[{\"id\":\"q\",\"target\":1},1.5],"
                + "\"rules\":[{\"id\":\"r\",\"name\":\"R\",\"trigger\":{\"eventType\":\"e\"},\"actions\":["
                + "{\"type\":\"award_badge\",\"badgeId\":\"c\"},{\"type\":\"progress_quest\",\"questId\":\"p\"}]}]}";

        assertThat(errors(game)).extracting(CompileError::pointer, CompileError::message).containsExactly(
                tuple("/badges/0", "expected an element of 'badges' (an object), found an array"),
                tuple("/quests/1", "expected an element of 'quests' (an object), found number 1.5"),
                tuple("/badges/1/icon", "unknown field 'icon' in a badge; known: description, id, imageUrl, name"),
                tuple("/rules/0/actions/0/badgeId", "unknown badge 'c'; known: b"),
                tuple("/rules/0/actions/1/questId", "unknown quest 'p'; known: q"));
    }
}
