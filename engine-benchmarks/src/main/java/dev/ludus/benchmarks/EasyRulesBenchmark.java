package dev.ludus.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.jeasy.rules.mvel.MVELRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Easy Rules 4.1 on the reference workload, a peer of {@link TrackBenchmark}: one op is one pre-built event
 * put in a new {@link Facts} (as {@code event}) and fired against every rule. Each rule's condition is the
 * event type, score and category test of its {@link ReferenceWorkload.RuleSpec}; its action is
 * {@link PeerPlayers.Player#grant}. Easy Rules has no index: every event evaluates every rule.
 *
 * <ul>
 *   <li>{@code mvel}: {@link MVELRule}s, {@code event.type == 'type_01' && event.score >= 37 && event.category == 'cat0'}
 *       then {@code event.player.grant(20, 2)};</li>
 *   <li>{@code java}: rules built with {@link RuleBuilder} from Java lambdas doing the same.</li>
 * </ul>
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar EasyRulesBenchmark -f 1
 * }</pre>
 *
 * <p>Setup fires all events once on fresh players and fails the trial unless as many rules fired, and as
 * much XP was granted, as by the {@link HandWrittenBaseline}: Easy Rules logs and swallows an exception thrown
 * by an action, so a broken MVEL action would otherwise fire nothing, fast. Not thread-safe: state per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
public class EasyRulesBenchmark {

    /** Number of rules; the event types scale with it as in {@link ReferenceWorkload#scaled(int)}. */
    @Param({"1000"})
    public int rules;

    /** How the rules are written: {@code mvel} or {@code java}. */
    @Param({"mvel", "java"})
    public String style;

    private RulesEngine engine;
    private Rules ruleSet;
    private PeerFact[] facts;
    private PeerPlayers players;
    private int next;

    /** Builds the rules and checks them against the baseline on a first pass over the events. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        engine = new DefaultRulesEngine();
        ruleSet = rules(workload, style);
        facts = PeerFact.of(workload.events());

        PeerPlayers check = new PeerPlayers();
        for (PeerFact fact : facts) {
            fire(fact, check);
        }
        WorkCheck.requireFired("Easy Rules (" + style + ")", check.fired(), WorkCheck.expectedFired(workload));
        HandWrittenBaseline baseline = workload.newBaseline();
        HandWrittenBaseline.firedByBaseline(baseline, workload.events());
        if (check.totalXp() != baseline.totalXp()) {
            throw new IllegalStateException("Easy Rules (" + style + ") granted " + check.totalXp()
                    + " XP in total, the baseline " + baseline.totalXp());
        }
        players = new PeerPlayers();
        next = 0;
    }

    /** @return the number of rules fired so far, which depends on every fire */
    @Benchmark
    public long fire() {
        PeerFact fact = facts[next];
        if (++next == facts.length) {
            next = 0;
        }
        fire(fact, players);
        return players.fired();
    }

    private void fire(PeerFact fact, PeerPlayers state) {
        fact.player = state.get(fact.playerId);
        Facts current = new Facts();
        current.put("event", fact);
        engine.fire(ruleSet, current);
    }

    /**
     * @param style {@code mvel} or {@code java}
     * @return the workload's rules for Easy Rules
     * @throws IllegalArgumentException for another style
     */
    static Rules rules(ReferenceWorkload workload, String style) {
        Rules out = new Rules();
        for (ReferenceWorkload.RuleSpec spec : workload.rules()) {
            out.register(switch (style) {
                case "mvel" -> mvelRule(spec);
                case "java" -> javaRule(spec);
                default -> throw new IllegalArgumentException("style must be mvel or java, was " + style);
            });
        }
        return out;
    }

    private static Rule mvelRule(ReferenceWorkload.RuleSpec spec) {
        // Rules with equal priority run in name order; the order does not change what fires here.
        return new MVELRule()
                .name(spec.id())
                .priority(spec.index())
                .when("event.type == '" + spec.eventType() + "' && event.score >= " + spec.minScore()
                        + " && event.category == '" + spec.category() + "'")
                .then("event.player.grant(" + spec.xp() + ", " + spec.coins() + ");");
    }

    private static Rule javaRule(ReferenceWorkload.RuleSpec spec) {
        String type = spec.eventType();
        int minScore = spec.minScore();
        String category = spec.category();
        int xp = Math.toIntExact(spec.xp());
        int coins = Math.toIntExact(spec.coins());
        return new RuleBuilder()
                .name(spec.id())
                .priority(spec.index())
                .when(facts -> {
                    PeerFact event = facts.get("event");
                    return event.type.equals(type) && event.score >= minScore && event.category.equals(category);
                })
                .then(facts -> {
                    PeerFact event = facts.get("event");
                    event.player.grant(xp, coins);
                })
                .build();
    }
}
