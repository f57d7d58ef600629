package dev.ludus.benchmarks;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import java.util.concurrent.TimeUnit;
import org.drools.model.Index;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drools 10 on the reference workload, a peer of {@link TrackBenchmark}: one op is one pre-built event
 * ({@link PeerFact}) matched against the rules and the matching rules' actions ({@link PeerPlayers.Player#grant})
 * run. Each rule is one pattern, {@code PeerFact(type == "type_01", score >= 37, category == "cat0")}.
 *
 * <ul>
 *   <li>{@code model=executable}: the rules written in Drools' executable-model Java DSL ({@code PatternDSL}),
 *       the type and category constraints alpha-indexed, built with {@link KieBaseBuilder} — no DRL parsing and
 *       no code generation;</li>
 *   <li>{@code model=drl}: the same rules as classic DRL text, compiled at setup with {@link KieHelper} (needs
 *       {@code drools-mvel});</li>
 *   <li>{@code session=stateful}: one {@link KieSession} reused for every event: insert, fire all, delete;</li>
 *   <li>{@code session=stateless}: {@link StatelessKieSession#execute(Object)} per event, which builds and
 *       disposes a session each time.</li>
 * </ul>
 *
 * <p>Run with (after {@code ./mvnw -B -q -pl engine-benchmarks -am package -DskipTests}):
 * <pre>{@code
 * java -jar engine-benchmarks/target/benchmarks.jar DroolsBenchmark -f 1
 * }</pre>
 *
 * <p>Setup runs all events once through fresh players and fails the trial unless as many rules fired (counted
 * by the actions themselves, and for the stateful session also by {@code fireAllRules}) as by the
 * {@link HandWrittenBaseline}. Not thread-safe: state per thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"})
@State(Scope.Thread)
public class DroolsBenchmark {
    private static final String PACKAGE = "dev.ludus.benchmarks.rw";

    /** Number of rules; the event types scale with it as in {@link ReferenceWorkload#scaled(int)}. */
    @Param({"1000"})
    public int rules;

    /** How the rules are built: {@code executable} (executable model DSL) or {@code drl}. */
    @Param({"executable", "drl"})
    public String model;

    /** {@code stateful} (one reused session) or {@code stateless}. */
    @Param({"stateful", "stateless"})
    public String session;

    private KieSession stateful;
    private StatelessKieSession stateless;
    private PeerFact[] facts;
    private PeerPlayers players;
    private int next;

    /** Builds the knowledge base and checks it against the baseline on a first pass over the events. */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceWorkload workload = ReferenceWorkload.scaled(rules);
        KieBase kieBase = kieBase(workload, model);
        facts = PeerFact.of(workload.events());
        if (!session.equals("stateful") && !session.equals("stateless")) {
            throw new IllegalArgumentException("session must be stateful or stateless, was " + session);
        }

        String variant = "Drools (" + model + ", " + session + ")";
        long expected = WorkCheck.expectedFired(workload);
        PeerPlayers check = new PeerPlayers();
        if (session.equals("stateful")) {
            KieSession first = kieBase.newKieSession();
            long reported = 0;
            for (PeerFact fact : facts) {
                reported += fireStateful(first, fact, check);
            }
            first.dispose();
            WorkCheck.requireFired(variant + " by fireAllRules", reported, expected);
            stateful = kieBase.newKieSession();
        } else {
            StatelessKieSession first = kieBase.newStatelessKieSession();
            for (PeerFact fact : facts) {
                fireStateless(first, fact, check);
            }
            stateless = kieBase.newStatelessKieSession();
        }
        WorkCheck.requireFired(variant, check.fired(), expected);
        players = new PeerPlayers();
        next = 0;
    }

    /** Disposes the reused session. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (stateful != null) {
            stateful.dispose();
            stateful = null;
        }
    }

    /** @return the number of rules fired so far, which depends on every fire */
    @Benchmark
    public long fire() {
        PeerFact fact = facts[next];
        if (++next == facts.length) {
            next = 0;
        }
        if (stateful != null) {
            fireStateful(stateful, fact, players);
        } else {
            fireStateless(stateless, fact, players);
        }
        return players.fired();
    }

    private static int fireStateful(KieSession kieSession, PeerFact fact, PeerPlayers state) {
        fact.player = state.get(fact.playerId);
        FactHandle handle = kieSession.insert(fact);
        int fired = kieSession.fireAllRules();
        kieSession.delete(handle);
        return fired;
    }

    private static void fireStateless(StatelessKieSession kieSession, PeerFact fact, PeerPlayers state) {
        fact.player = state.get(fact.playerId);
        kieSession.execute(fact);
    }

    /**
     * @param model {@code executable} or {@code drl}
     * @return a knowledge base with the workload's rules
     * @throws IllegalArgumentException for another model
     * @throws IllegalStateException    when the DRL does not compile
     */
    static KieBase kieBase(ReferenceWorkload workload, String model) {
        return switch (model) {
            case "executable" -> executableModel(workload);
            case "drl" -> drl(workload);
            default -> throw new IllegalArgumentException("model must be executable or drl, was " + model);
        };
    }

    private static KieBase executableModel(ReferenceWorkload workload) {
        ModelImpl rules = new ModelImpl();
        Variable<PeerFact> event = declarationOf(PeerFact.class);
        for (ReferenceWorkload.RuleSpec spec : workload.rules()) {
            String type = spec.eventType();
            int minScore = spec.minScore();
            String category = spec.category();
            int xp = Math.toIntExact(spec.xp());
            int coins = Math.toIntExact(spec.coins());
            // The expression ids name the constant: Drools shares alpha nodes between constraints of equal id.
            rules.addRule(rule(PACKAGE, spec.id()).build(
                    pattern(event)
                            .expr("type == " + type, e -> e.type.equals(type),
                                    alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, 0, PeerFact::getType, type))
                            .expr("score >= " + minScore, e -> e.score >= minScore,
                                    alphaIndexedBy(int.class, Index.ConstraintType.GREATER_OR_EQUAL, 1,
                                            PeerFact::getScore, minScore))
                            .expr("category == " + category, e -> e.category.equals(category),
                                    alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, 2, PeerFact::getCategory,
                                            category)),
                    on(event).execute(e -> e.player.grant(xp, coins))));
        }
        return KieBaseBuilder.createKieBaseFromModel(rules);
    }

    private static KieBase drl(ReferenceWorkload workload) {
        StringBuilder drl = new StringBuilder(160 * workload.ruleCount() + 100);
        drl.append("package ").append(PACKAGE).append(";\nimport ").append(PeerFact.class.getName()).append(";\n");
        for (ReferenceWorkload.RuleSpec spec : workload.rules()) {
            drl.append("rule \"").append(spec.id()).append("\"\nwhen\n  $e : PeerFact(type == \"")
                    .append(spec.eventType()).append("\", score >= ").append(spec.minScore())
                    .append(", category == \"").append(spec.category()).append("\")\nthen\n  $e.getPlayer().grant(")
                    .append(spec.xp()).append(", ").append(spec.coins()).append(");\nend\n");
        }
        KieHelper helper = new KieHelper().addContent(drl.toString(), ResourceType.DRL);
        var results = helper.verify();
        if (results.hasMessages(org.kie.api.builder.Message.Level.ERROR)) {
            throw new IllegalStateException("the DRL of the reference workload does not compile: " + results.getMessages());
        }
        return helper.build();
    }
}
