package dev.ludus.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.PlayerState;
import dev.ludus.api.QuestState;
import dev.ludus.api.spi.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * One set of compiled expressions, shared by 8 threads that evaluate them for different players and
 * events at the same time; every result is checked against the same computation written in Java.
 */
class ConcurrentEvaluationStressTest {
    private static final int THREADS = 8;
    private static final int EVALUATIONS_PER_THREAD = 20_000;

    private static final String CONDITION = "score >= 80 && category == 'science'";
    private static final String PLAYER_CONDITION =
            "player.level >= 3 && player.currencies.coins > 100 || size(player.badges) > 1";
    private static final String TYPED = "score >= 50";
    private static final String AMOUNT = "floor(total * 0.05) + player.level * 2 + (vip ? 10 : 0)";

    @Test
    void sharedSandboxedExpressions_giveTheRightResultOnEveryThread() throws Exception {
        run(ExpressionPolicy.SANDBOXED);
    }

    @Test
    void sharedTrustedExpressions_giveTheRightResultOnEveryThread() throws Exception {
        run(ExpressionPolicy.TRUSTED);
    }

    private static void run(ExpressionPolicy policy) throws Exception {
        Expressions expressions = new Expressions(policy, Expressions.newCache(Caffeine.newBuilder()));
        Condition condition = condition(expressions, CONDITION);
        Condition playerCondition = condition(expressions, PLAYER_CONDITION);
        Condition typed = condition(expressions, TYPED);
        ToLongFunction<dev.ludus.api.spi.EvaluationContext> amount =
                new ExpressionAmount(expressions.program(AMOUNT), new Origin(AMOUNT, "r", "/a"));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000L + t;
                workers.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
                        long score = random.nextInt(100);
                        String category = random.nextBoolean() ? "science" : "art";
                        double total = random.nextInt(100_000) / 100.0;
                        boolean vip = random.nextInt(4) == 0;
                        PlayerState player = player(random);
                        boolean missingScore = random.nextInt(10) == 0;
                        Map<String, Object> properties = missingScore
                                ? Map.of("category", category, "total", total, "vip", vip)
                                : Map.of("score", score, "category", category, "total", total, "vip", vip);
                        TestContext context = new TestContext(properties, player);

                        assertThat(condition.test(context))
                                .isEqualTo(!missingScore && score >= 80 && category.equals("science"));
                        assertThat(playerCondition.test(context)).isEqualTo(
                                player.level() >= 3 && player.balance("coins") > 100 || player.badges().size() > 1);
                        assertThat(typed.test(context)).isEqualTo(!missingScore && score >= 50);
                        assertThat(amount.applyAsLong(context))
                                .isEqualTo((long) Math.floor(total * 0.05) + player.level() * 2L + (vip ? 10 : 0));
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(THREADS * EVALUATIONS_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Condition condition(Expressions expressions, String source) {
        Origin origin = new Origin(source, "r", "/c");
        Program program = expressions.program(source);
        Condition fast = program instanceof SandboxProgram s ? PropertyComparison.of(s.expr(), origin) : null;
        return fast != null ? fast : new ExpressionCondition(program, origin);
    }

    private static PlayerState player(Random random) {
        TreeSet<String> badges = new TreeSet<>();
        for (int b = random.nextInt(3); b > 0; b--) {
            badges.add("badge-" + random.nextInt(5));
        }
        return new PlayerState("user-" + random.nextInt(1000), random.nextInt(5000), 1 + random.nextInt(6), 0,
                Map.of("coins", (long) random.nextInt(200)), badges,
                Map.of("q", new QuestState(random.nextInt(10), 10L, false, 0)), Map.of(), Map.of(), 1);
    }
}
