package dev.ludus.core;

import static dev.ludus.core.Fixtures.event;
import static dev.ludus.core.Fixtures.processed;
import static dev.ludus.core.Fixtures.props;
import static dev.ludus.core.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.LudusException;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.Update;
import dev.ludus.api.spi.Action;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.CatalogKind;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.ConfigNode;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Custom condition and action types through the SPI, registered on the builder like the built-ins are. */
class CustomTypesTest {

    static ConditionType condition(String name, Set<String> aliases, BiFunction<ConfigNode, CompileContext, Condition> compile) {
        return new ConditionType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> aliases() {
                return aliases;
            }

            @Override
            public Condition compile(ConfigNode config, CompileContext context) {
                return compile.apply(config, context);
            }
        };
    }

    static ActionType action(String name, Set<String> aliases, BiFunction<ConfigNode, CompileContext, Action> compile) {
        return new ActionType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> aliases() {
                return aliases;
            }

            @Override
            public Action compile(ConfigNode config, CompileContext context) {
                return compile.apply(config, context);
            }
        };
    }

    /** {@code property_is_even {property}}: the property is an even whole number. */
    static final ConditionType IS_EVEN = condition("property_is_even", Set.of("is_even"), (config, context) -> {
        String path = config.string("property");
        return path == null ? null : ctx -> ctx.property(path) instanceof Long n && n % 2 == 0;
    });

    /** {@code double_xp}: grants as much XP as the player has right now (changes of this event included). */
    static final ActionType DOUBLE_XP = action("double_xp", Set.of(), (config, context) ->
            ctx -> ctx.grantXp(ctx.current().xp()));

    /** {@code explode {code}}: fails with a LudusException of the given code. */
    static final ActionType EXPLODE = action("explode", Set.of(), (config, context) -> {
        String code = config.string("code");
        return code == null ? null : ctx -> {
            throw new LudusException(ErrorCode.valueOf(code), "exploded on purpose");
        };
    });

    /** {@code crash}: fails with a plain runtime exception. */
    static final ActionType CRASH = action("crash", Set.of(), (config, context) -> ctx -> {
        throw new IllegalStateException("crashed on purpose");
    });

    /** {@code crash_checked}: fails with a checked exception it does not declare. */
    static final ActionType CRASH_CHECKED = action("crash_checked", Set.of(), (config, context) -> ctx -> {
        throw Fixtures.sneakyThrow(new java.io.IOException("disk full on purpose"));
    });

    /** {@code recurse}: overflows the stack (a custom type with a runaway recursion). */
    static final ActionType RECURSE = action("recurse", Set.of(), (config, context) -> ctx -> {
        throw new StackOverflowError();
    });

    /** {@code negative_xp}: asks the context to grant a negative amount. */
    static final ActionType NEGATIVE_XP = action("negative_xp", Set.of(), (config, context) -> ctx -> ctx.grantXp(-5));

    /** {@code gift_badge {badgeId}}: awards a badge, checked against the badge catalog. */
    static final ActionType GIFT_BADGE = action("gift_badge", Set.of(), (config, context) -> {
        String badge = context.reference(CatalogKind.BADGE, config, "badgeId");
        return badge == null ? null : ctx -> ctx.awardBadge(badge);
    });

    private static Ludus.Builder withCustomTypes(String game) {
        return Ludus.builder().game(game).clock(Fixtures.CLOCK)
                .conditionType(IS_EVEN)
                .actionType(DOUBLE_XP).actionType(EXPLODE).actionType(CRASH).actionType(CRASH_CHECKED).actionType(RECURSE).actionType(NEGATIVE_XP)
                .actionType(GIFT_BADGE);
    }

    @Test
    void customConditionAndAction_work_likeBuiltIns() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(Fixtures.rule("r", "e",
                "[{\"type\": \"property_is_even\", \"property\": \"n\"}]",
                "[{\"type\": \"grant_xp\", \"amount\": 50}, {\"type\": \"DOUBLE_XP\"}]"))).build();

        assertThat(processed(engine, event("u", "e", props("n", 3))).rulesTriggered()).isEmpty();
        EventResult result = processed(engine, event("u", "e", props("n", 4)));
        assertThat(result.rulesTriggered()).containsExactly("r");
        assertThat(result.actionsExecuted()).containsExactly("grant_xp", "double_xp");
        assertThat(result.updates()).containsExactly(new Update.XpUpdated(50, 50, 1),
                new Update.XpUpdated(100, 50, 2), new Update.LevelUp(1, 2));
        assertThat(state(engine, "u").xp()).isEqualTo(100);
    }

    @Test
    void customActionTrackingAnotherEventOnTheSameThread_leavesBothRunsIntact() {
        RuleEngine[] engine = new RuleEngine[1];
        ActionType referral = action("track_referrer", Set.of(), (config, context) -> ctx -> {
            EventResult inner = engine[0].track(event("referrer", "e", props("n", 2)));
            ctx.grantXp(inner.rulesTriggered().size());
        });
        engine[0] = Ludus.builder().clock(Fixtures.CLOCK).conditionType(IS_EVEN).actionType(referral)
                .game(Fixtures.rules(
                        Fixtures.rule("nested", "e", "[{\"type\": \"is_even\", \"property\": \"n\"}]",
                                "[{\"type\": \"grant_xp\", \"amount\": 7}]"),
                        Fixtures.rule("outer", "signup", "[{\"type\": \"grant_currency\", \"currency\": \"coins\", "
                                + "\"amount\": 3}, {\"type\": \"track_referrer\"}]"))).build();

        EventResult outer = processed(engine[0], event("u", "signup"));

        assertThat(outer.rulesTriggered()).containsExactly("outer");
        assertThat(outer.actionsExecuted()).containsExactly("grant_currency", "track_referrer");
        assertThat(outer.updates()).containsExactly(new Update.CurrencyUpdated("coins", 3, 3),
                new Update.XpUpdated(1, 1, 1));
        assertThat(state(engine[0], "u").balance("coins")).isEqualTo(3);
        assertThat(state(engine[0], "referrer").xp()).isEqualTo(7);
        assertThat(state(engine[0], "referrer").currencies()).isEmpty();
    }

    @Test
    void customConditionAlias_works() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(Fixtures.rule("r", "e",
                "[{\"type\": \"is_even\", \"property\": \"n\"}]", "[]"))).build();
        assertThat(processed(engine, event("u", "e", props("n", 8))).rulesTriggered()).containsExactly("r");
    }

    @Test
    void customActionThrowingLudusException_failsJustThatRule_withItsCode() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(
                Fixtures.rule("first", "e", "[{\"type\": \"grant_xp\", \"amount\": 1}]"),
                Fixtures.rule("boom", "e", "[{\"type\": \"grant_xp\", \"amount\": 1000}, "
                        + "{\"type\": \"explode\", \"code\": \"EXPRESSION_ERROR\"}]"),
                Fixtures.rule("last", "e", "[{\"type\": \"award_badge\", \"badgeId\": \"survivor\"}]"))).build();

        EventResult result = processed(engine, event("u", "e"));

        assertThat(result.rulesTriggered()).containsExactly("first", "last");
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code, RuleFailure::message)
                .containsExactly(Tuple.tuple("boom", ErrorCode.EXPRESSION_ERROR, "exploded on purpose"));
        assertThat(result.actionsExecuted()).containsExactly("grant_xp", "award_badge");
        assertThat(state(engine, "u").xp()).isEqualTo(1);
        assertThat(state(engine, "u").badges()).containsExactly("survivor");
    }

    @Test
    void customActionThrowingAnyOtherException_failsJustThatRule_withInternalError() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(
                Fixtures.rule("crashes", "e", "[{\"type\": \"grant_xp\", \"amount\": 5}, {\"type\": \"crash\"}]"),
                Fixtures.rule("fine", "e", "[{\"type\": \"grant_xp\", \"amount\": 1}]"))).build();
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).containsExactly("fine");
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code)
                .containsExactly(Tuple.tuple("crashes", ErrorCode.INTERNAL_ERROR));
        assertThat(result.rulesFailed().get(0).message()).contains("crashed on purpose");
        assertThat(state(engine, "u").xp()).isEqualTo(1);
    }

    @Test
    void customActionThrowingACheckedExceptionItDoesNotDeclare_failsJustThatRule_withInternalError() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(
                Fixtures.rule("crashes", "e", "[{\"type\": \"grant_xp\", \"amount\": 5}, {\"type\": \"crash_checked\"}]"),
                Fixtures.rule("fine", "e", "[{\"type\": \"grant_xp\", \"amount\": 1}]"))).build();
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesTriggered()).containsExactly("fine");
        assertThat(result.rulesFailed()).extracting(RuleFailure::ruleId, RuleFailure::code, RuleFailure::message)
                .containsExactly(Tuple.tuple("crashes", ErrorCode.INTERNAL_ERROR,
                        "action failed: java.io.IOException: disk full on purpose"));
        assertThat(state(engine, "u").xp()).isEqualTo(1);
    }

    @Test
    void customActionOverflowingTheStack_failsTheEventWithInternalError_commitsNothing_andTheThreadGoesOn() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(
                Fixtures.rule("fine", "e", "[{\"type\": \"grant_xp\", \"amount\": 1}]"),
                Fixtures.rule("deep", "deep", "[{\"type\": \"grant_xp\", \"amount\": 5}, {\"type\": \"recurse\"}]")))
                .build();
        processed(engine, event("u", "e"));

        EventResult result = engine.track(event("u", "deep"));
        EventResult explained = engine.explain(event("u", "deep"), false).result();

        for (EventResult failed : List.of(result, explained)) {
            assertThat(failed.status()).isEqualTo(EventStatus.FAILED);
            assertThat(failed.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(failed.error().message()).isEqualTo("evaluation failed: java.lang.StackOverflowError");
        }
        assertThat(state(engine, "u").xp()).isEqualTo(1);
        assertThat(state(engine, "u").version()).isEqualTo(1);
        assertThat(processed(engine, event("u", "e")).rulesTriggered()).containsExactly("fine");
        assertThat(state(engine, "u").xp()).isEqualTo(2);
    }

    @Test
    void customActionGrantingANegativeAmount_failsTheRuleWithInvalidAmount() {
        RuleEngine engine = withCustomTypes(Fixtures.rules(
                Fixtures.rule("neg", "e", "[{\"type\": \"negative_xp\"}]"))).build();
        EventResult result = processed(engine, event("u", "e"));
        assertThat(result.rulesFailed()).extracting(RuleFailure::code).containsExactly(ErrorCode.INVALID_AMOUNT);
        assertThat(state(engine, "u").xp()).isZero();
    }

    @Test
    void customTypes_reportUnknownFieldsAndTheirOwnErrors_atCompileTime() {
        assertThatThrownBy(() -> withCustomTypes(Fixtures.rules(Fixtures.rule("r", "e",
                "[{\"type\": \"property_is_even\", \"property\": \"n\", \"strict\": true}]",
                "[{\"type\": \"explode\"}]"))).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> assertThat(e.errors())
                        .extracting(CompileError::pointer, CompileError::ruleId, CompileError::code)
                        .containsExactly(
                                Tuple.tuple("/rules/0/conditions/0/strict", "r", ErrorCode.INVALID_RULE),
                                Tuple.tuple("/rules/0/actions/0/code", "r", ErrorCode.INVALID_RULE)));
    }

    @Test
    void customTypes_useTheCatalogs() {
        String game = """
                {"badges": [{"id": "gold", "name": "Gold"}],
                 "rules": [{"id": "r", "name": "r", "trigger": {"eventType": "e"},
                            "actions": [{"type": "gift_badge", "badgeId": "silver"}]}]}""";
        assertThatThrownBy(() -> withCustomTypes(game).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).pointer()).isEqualTo("/rules/0/actions/0/badgeId");
                    assertThat(e.errors().get(0).message()).contains("silver", "gold");
                });
    }

    @Test
    void customTypeCompilerThatThrows_becomesACompileError() {
        ConditionType broken = condition("broken", Set.of(), (config, context) -> {
            throw new IllegalStateException("bug in extension");
        });
        assertThatThrownBy(() -> Ludus.builder().conditionType(broken)
                .game(Fixtures.rules(Fixtures.rule("r", "e", "[{\"type\": \"broken\"}]", "[]"))).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).pointer()).isEqualTo("/rules/0/conditions/0");
                    assertThat(e.errors().get(0).message()).contains("bug in extension");
                });
    }

    @Test
    void customConditionNamedLikeABuiltIn_isRefused() {
        for (String name : new String[] {"property_eq", "PROPERTY_EQ", "property_equals", "all"}) {
            ConditionType clash = condition(name, Set.of(), (config, context) -> ctx -> true);
            assertThatThrownBy(() -> Ludus.builder().game("[]").conditionType(clash).build())
                    .as(name)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void customConditionAliasClashingWithABuiltIn_isRefused() {
        ConditionType clash = condition("my_gt", Set.of("property_greater_than"), (config, context) -> ctx -> true);
        assertThatThrownBy(() -> Ludus.builder().game("[]").conditionType(clash).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("property_greater_than");
    }

    @Test
    void customActionNamedLikeABuiltInOrItsAlias_isRefused() {
        for (String name : new String[] {"grant_xp", "Grant_Xp", "grant_badge"}) {
            ActionType clash = action(name, Set.of(), (config, context) -> ctx -> { });
            assertThatThrownBy(() -> Ludus.builder().game("[]").actionType(clash).build())
                    .as(name)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void twoCustomTypesWithOneName_areRefused() {
        assertThatThrownBy(() -> Ludus.builder().game("[]").actionType(DOUBLE_XP)
                .actionType(action("double_xp", Set.of(), (config, context) -> ctx -> { })).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("double_xp");
    }

    @Test
    void unknownTypeMessages_listTheCustomTypesToo() {
        assertThatThrownBy(() -> withCustomTypes(Fixtures.rules(Fixtures.rule("r", "e", "[{\"type\": \"nope\"}]")))
                .build())
                .isInstanceOfSatisfying(GameCompileException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("double_xp", "grant_xp"));
    }
}
