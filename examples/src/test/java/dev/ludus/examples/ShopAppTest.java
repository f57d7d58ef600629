package dev.ludus.examples;

import static dev.ludus.examples.Updates.attribute;
import static dev.ludus.examples.Updates.badge;
import static dev.ludus.examples.Updates.currency;
import static dev.ludus.examples.Updates.levelUp;
import static dev.ludus.examples.Updates.questCompleted;
import static dev.ludus.examples.Updates.questProgress;
import static dev.ludus.examples.Updates.xp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.RuleFailure;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop example against numbers worked out by hand from the SPEC. Linear curve, base 250: level 2 at 250 XP,
 * 3 at 750. Points are capped at 1,500.
 */
class ShopAppTest {
    private static final String MARIA = "cust-1001";
    private static final String TOM = "cust-1002";

    private static ExampleRun run;

    @BeforeAll
    static void play() {
        run = ShopApp.play();
    }

    @Test
    void play_leavesMariaWithExactFinalState() {
        assertThat(run.player(MARIA)).isEqualTo(new PlayerState(MARIA, 590, 2, 750 - 590,
                Map.of("points", 800L),
                new TreeSet<>(List.of("big-spender", "first-purchase", "top-reviewer", "vip")),
                Map.of("three-reviews", new QuestState(3, 3L, true, 1)),
                Map.of("tier", "vip"),
                Map.of("email", "maria.rossi@example.com", "mobile", "+393331234567"),
                11));
    }

    @Test
    void play_leavesTomWithExactFinalState() {
        assertThat(run.player(TOM)).isEqualTo(new PlayerState(TOM, 100, 1, 250 - 100,
                Map.of("points", 50L),
                new TreeSet<>(List.of("first-purchase")),
                Map.of(),
                Map.of(),
                Map.of("email", "tom.becker@example.com"),
                3));
    }

    @Test
    void gameballSpelledSignup_isReadLikeTheCanonicalForm() {
        EventResult r = run.result("shop-001");

        assertThat(r.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(r.externalUserId()).isEqualTo(MARIA);
        assertThat(r.eventType()).isEqualTo("customer_registered");
        assertThat(r.rulesTriggered()).containsExactly("welcome-points");
        assertThat(r.actionsExecuted()).containsExactly("grant_currency");
        assertThat(r.updates()).containsExactly(currency("points", 50, 50));
    }

    @Test
    void firstOrder_earnsBaseAndWelcomeRewards() {
        EventResult r = run.result("shop-002");

        assertThat(r.rulesTriggered()).containsExactly("order-points", "first-purchase");
        assertThat(r.updates()).containsExactly(
                xp(100, 100, 1),
                currency("points", 100, 50),
                badge("first-purchase"),
                currency("points", 200, 100));
    }

    @Test
    void premiumOrder_stopsTheLargeOrderTier() {
        EventResult r = run.result("shop-004");

        assertThat(r.rulesTriggered()).containsExactly("order-points", "premium-order");
        assertThat(r.updates()).containsExactly(
                xp(200, 100, 1),
                currency("points", 250, 50),
                currency("points", 650, 400),
                badge("big-spender"));
    }

    @Test
    void orderOfExactly150_isALargeOrder() {
        EventResult r = run.result("shop-009");

        assertThat(r.rulesTriggered()).containsExactly("order-points", "large-order");
        assertThat(r.updates()).containsExactly(
                xp(330, 100, 2),
                levelUp(1, 2),
                currency("points", 750, 50),
                currency("points", 900, 150));
    }

    @Test
    void redemptionWithTooFewPoints_failsWithInsufficientFundsAndChangesNothing() {
        EventResult r = run.result("shop-005");

        assertThat(r.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(r.rulesTriggered()).isEmpty();
        assertThat(r.actionsExecuted()).isEmpty();
        assertThat(r.updates()).isEmpty();
        assertThat(r.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(tuple("redeem-voucher-10", ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void redemptionWithEnoughPoints_deductsThem() {
        assertThat(run.result("shop-007").updates()).containsExactly(currency("points", 50, -100));
        EventResult voucher = run.result("shop-015");
        assertThat(voucher.rulesTriggered()).containsExactly("redeem-voucher-10");
        assertThat(voucher.actionsExecuted()).containsExactly("deduct_currency");
        assertThat(voucher.updates()).containsExactly(currency("points", 500, -1000));
    }

    @Test
    void retriedOrderWithSameKeyAndPayload_isDuplicateCarryingTheOriginalOutcome() {
        EventResult original = run.result("shop-003");
        EventResult retry = run.result("shop-008");

        assertThat(retry.status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(retry.originalEventId()).isEqualTo("shop-003");
        assertThat(retry.rulesTriggered()).containsExactly("order-points", "first-purchase");
        assertThat(retry.actionsExecuted()).isEqualTo(original.actionsExecuted());
        assertThat(retry.updates()).isEqualTo(original.updates()).containsExactly(
                xp(100, 100, 1),
                currency("points", 50, 50),
                badge("first-purchase"),
                currency("points", 150, 100));
    }

    @Test
    void reusedKeyWithDifferentPayload_isRejectedAsIdempotencyConflict() {
        EventResult r = run.result("shop-010");

        assertThat(r.status()).isEqualTo(EventStatus.REJECTED);
        assertThat(r.error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(r.updates()).isEmpty();
    }

    @Test
    void reviewWithoutRealOrderNumber_earnsNothing() {
        EventResult r = run.result("shop-012");

        assertThat(r.status()).isEqualTo(EventStatus.PROCESSED);
        assertThat(r.rulesTriggered()).isEmpty();
    }

    @Test
    void thirdVerifiedReview_completesQuestAndItsAliasedBadgeReward() {
        EventResult r = run.result("shop-013");

        assertThat(r.actionsExecuted()).containsExactly(
                "grant_xp", "grant_currency", "progress_quest", "grant_currency", "award_badge");
        assertThat(r.updates()).containsExactly(
                xp(390, 30, 2),
                currency("points", 940, 20),
                questProgress("three-reviews", 3, 3),
                questCompleted("three-reviews", 1),
                currency("points", 1090, 150),
                badge("top-reviewer"));
    }

    @Test
    void vipConditionsSeeStateBeforeTheEvent_andPointsClampAtTheMax() {
        EventResult r = run.result("shop-014");

        // vip-order-bonus does not fire: the customer was not VIP yet when the event arrived.
        assertThat(r.rulesTriggered()).containsExactly("vip-status", "order-points", "premium-order");
        assertThat(r.actionsExecuted()).containsExactly(
                "award_badge", "set_attribute", "grant_xp", "grant_currency", "grant_currency", "award_badge");
        assertThat(r.updates()).containsExactly(
                badge("vip"),
                attribute("tier", "vip"),
                xp(490, 100, 2),
                currency("points", 1140, 50),
                currency("points", 1500, 360));
    }

    @Test
    void vipOrder_earnsTheVipBonusFirst() {
        EventResult r = run.result("shop-016");

        assertThat(r.rulesTriggered()).containsExactly("vip-order-bonus", "order-points", "large-order");
        assertThat(r.updates()).containsExactly(
                currency("points", 600, 100),
                xp(590, 100, 2),
                currency("points", 650, 50),
                currency("points", 800, 150));
    }
}
