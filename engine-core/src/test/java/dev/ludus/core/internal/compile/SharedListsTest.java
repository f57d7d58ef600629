package dev.ludus.core.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ExpressionPolicy;
import dev.ludus.core.internal.expression.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Results share the lists of rule ids and action types they carry, up to a bound per game. */
class SharedListsTest {
    private static final int CAPACITY = RuleIdLists.MIN_CAPACITY; // of a game without rules
    private final CompiledGame game = new GameCompiler(List.of(), List.of(),
            Expressions.of(ExpressionPolicy.SANDBOXED)).compile("{\"rules\": []}");

    @Test
    void equalLists_comeBackAsOneUnmodifiableInstance() {
        List<String> first = game.sharedList(new ArrayList<>(List.of("grant_xp", "grant_currency")));
        List<String> second = game.sharedList(new ArrayList<>(List.of("grant_xp", "grant_currency")));

        assertThat(second).isSameAs(first).containsExactly("grant_xp", "grant_currency");
        assertThat(game.sharedList(List.of("grant_currency", "grant_xp"))).isNotSameAs(first);
        assertThat(game.sharedList(new ArrayList<>())).isEmpty();
        assertThatThrownBy(() -> first.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCallersListIsCopied_soLaterChangesDoNotLeakIn() {
        List<String> scratch = new ArrayList<>(List.of("r1"));
        List<String> shared = game.sharedList(scratch);
        scratch.set(0, "changed");

        assertThat(shared).containsExactly("r1");
        assertThat(game.sharedList(List.of("r1"))).isSameAs(shared);
    }

    @Test
    void pastTheBound_newListsAreStillRightButNoLongerShared() {
        for (int i = 0; i < 5000; i++) {
            assertThat(game.sharedList(List.of("rule-" + i))).containsExactly("rule-" + i);
        }
        List<String> late = game.sharedList(List.of("late"));

        assertThat(game.sharedList(List.of("late"))).isEqualTo(late).isNotSameAs(late);
        assertThat(game.sharedList(List.of("rule-1"))).isSameAs(game.sharedList(List.of("rule-1")));
    }

    private List<String> ids(List<CompiledRule> fired) {
        return game.fired(fired).ruleIds();
    }

    private static List<CompiledRule> rules(int count) {
        // Distinct id instances with equal text would break the table's identity check, as they never occur in a game.
        return IntStream.range(0, count).mapToObj(i -> new CompiledRule(new String("rule-" + i), i, 0, "published",
                true, null, null, false, List.of("t"), List.of(), List.of(), null, "/rules/" + i)).toList();
    }

    @Test
    void ruleIds_theSameRulesInTheSameOrder_shareOneUnmodifiableList() {
        List<CompiledRule> rules = rules(40);
        List<String> first = ids(new ArrayList<>(List.of(rules.get(3), rules.get(1))));

        assertThat(ids(List.of(rules.get(3), rules.get(1)))).isSameAs(first).containsExactly("rule-3", "rule-1");
        assertThat(ids(List.of(rules.get(1), rules.get(3)))).containsExactly("rule-1", "rule-3");
        assertThat(ids(List.of())).isEmpty();
        assertThat(List.copyOf(first)).isSameAs(first); // what EventResult and HistoryEntry do to it
        assertThatThrownBy(() -> first.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void actionTypes_areTheRulesActionsInOrder_sharedWithEqualListsOfOtherCombinations() {
        CompiledRule xpAndCoins = rule(0, "grant_xp", "grant_currency");
        CompiledRule badge = rule(1, "award_badge");
        CompiledRule xpThenCoins = rule(2, "grant_xp");
        CompiledRule coins = rule(3, "grant_currency");

        FiredRules both = game.fired(List.of(xpAndCoins, badge));
        FiredRules split = game.fired(List.of(xpThenCoins, coins));

        assertThat(both.actionTypes()).containsExactly("grant_xp", "grant_currency", "award_badge");
        assertThat(split.actionTypes()).isSameAs(game.fired(List.of(xpAndCoins)).actionTypes())
                .isSameAs(game.sharedList(List.of("grant_xp", "grant_currency")));
        assertThat(game.fired(List.of()).actionTypes()).isEmpty();
        assertThatThrownBy(() -> both.actionTypes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CompiledRule rule(int index, String... actionTypes) {
        List<CompiledAction> actions = Stream.of(actionTypes).map(type -> new CompiledAction(type, context -> { },
                "/rules/" + index + "/actions")).toList();
        return new CompiledRule("rule-" + index, index, 0, "published", true, null, null, false, List.of("t"),
                List.of(), actions, null, "/rules/" + index);
    }

    @Test
    void ruleIds_combinationsWhoseIndexesHashAlike_keepTheirOwnLists() {
        List<CompiledRule> rules = rules(40);
        // 31 * 0 + 31 == 31 * 1 + 0: the same hash of indexes
        List<String> a = ids(List.of(rules.get(0), rules.get(31)));
        List<String> b = ids(List.of(rules.get(1), rules.get(0)));

        assertThat(a).containsExactly("rule-0", "rule-31");
        assertThat(b).containsExactly("rule-1", "rule-0");
        assertThat(ids(List.of(rules.get(0), rules.get(31)))).isSameAs(a);
        assertThat(ids(List.of(rules.get(1), rules.get(0)))).isSameAs(b);
    }

    @Test
    void ruleIds_pastTheBound_areStillRightButNoLongerShared() {
        List<CompiledRule> rules = rules(CAPACITY + 100);
        for (CompiledRule rule : rules) {
            assertThat(ids(List.of(rule))).containsExactly(rule.id());
        }
        List<CompiledRule> late = List.of(rules.get(CAPACITY + 50));

        assertThat(ids(late)).isEqualTo(ids(late)).isNotSameAs(ids(late));
        assertThat(ids(List.of(rules.get(7)))).isSameAs(ids(List.of(rules.get(7))));
    }

    @Test
    void ruleIds_threadsAskingForTheSameCombinationsAtOnce_fillTheTableWithEachAtMostOnce() throws Exception {
        int combinations = 2 * CAPACITY;
        List<CompiledRule> rules = rules(combinations + 1);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<String>[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 997;
                results.add(pool.submit(() -> {
                    start.await();
                    @SuppressWarnings("unchecked")
                    List<String>[] lists = new List[combinations];
                    for (int i = 0; i < combinations; i++) {
                        int first = (i + offset) % combinations;
                        lists[first] = ids(List.of(rules.get(first), rules.get(first + 1)));
                    }
                    return lists;
                }));
            }
            List<List<String>[]> answers = new ArrayList<>();
            for (Future<List<String>[]> result : results) {
                answers.add(result.get());
            }
            int shared = 0;
            for (int c = 0; c < combinations; c++) {
                List<CompiledRule> combination = List.of(rules.get(c), rules.get(c + 1));
                List<String> now = ids(combination);
                for (List<String>[] answer : answers) {
                    assertThat(answer[c]).containsExactly("rule-" + c, "rule-" + (c + 1));
                }
                shared += ids(combination) == now ? 1 : 0;
            }
            // The table is full, and no combination took two of its places.
            assertThat(shared).isEqualTo(CAPACITY);
        } finally {
            pool.shutdownNow();
        }
    }
}
