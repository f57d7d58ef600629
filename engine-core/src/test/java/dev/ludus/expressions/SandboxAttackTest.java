package dev.ludus.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.Event;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attacks that made MVEL rule conditions a remote-code-execution hole elsewhere (Apache Unomi
 * CVE-2020-13942, Easy Rules CVE-2023-50571, Elasticsearch CVE-2014-3120), written into a game as a
 * condition and as an amount. Under the default policy each is refused at load, named, at its pointer and
 * rule; the file it would create does not appear and the player it would touch is unchanged. The TRUSTED
 * controls show the same files do appear when the expression runs, so these checks can fail.
 */
class SandboxAttackTest {
    @TempDir
    Path dir;
    private Path target;
    private InMemoryPlayerStore store;
    private PlayerRecord before;

    @BeforeEach
    void playerWithState() {
        target = dir.resolve("pwned");
        store = InMemoryPlayerStore.create();
        RuleEngine engine = Ludus.builder().store(store).game("""
                [ { "id": "xp", "name": "XP", "trigger": { "eventType": "*" },
                    "actions": [ { "type": "grant_xp", "amount": 10 } ] } ]""").build();
        engine.track(Event.of("victim", "seed", Map.of()));
        before = store.load("victim").orElseThrow();
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                arguments("java.lang.Runtime.getRuntime().exec('touch TARGET')", "class reference 'java.lang.Runtime'"),
                arguments("Runtime.getRuntime().exec('touch TARGET')", "class reference 'Runtime'"),
                arguments("java.lang.System.exit(1)", "class reference 'java.lang.System'"),
                arguments("System.setProperty('x', 'TARGET')", "class reference 'System'"),
                arguments("Thread.currentThread().stop()", "class reference 'Thread'"),
                arguments("java.lang.Thread.sleep(100000)", "class reference 'java.lang.Thread'"),
                arguments("Class.forName('java.lang.Runtime')", "class reference 'Class'"),
                arguments("java.lang.Class.forName('java.lang.Runtime')", "class reference 'java.lang.Class'"),
                arguments("''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch TARGET')",
                        "method call 'getClass()'"),
                arguments("forName('java.lang.Runtime')", "function call 'forName()'"),
                arguments("getClass()", "function call 'getClass()'"),
                arguments("name.toUpperCase() == 'X'", "method call 'toUpperCase()'"),
                arguments("name.class.forName('java.lang.Runtime')", "class reference 'name.class'"),
                arguments("org.mvel2.MVEL.eval(\\\"new java.io.File('TARGET').createNewFile()\\\")",
                        "class reference 'org.mvel2.MVEL'"),
                arguments("new java.io.File('TARGET').createNewFile()", "'new' (object creation)"),
                arguments("x = new java.io.File('TARGET')", "assignment '='"),
                arguments("score += 1", "assignment '+='"),
                arguments("while (true) { new java.io.File('TARGET').createNewFile() }", "'while' loop"),
                arguments("for (i = 0; i < 1; i++) { }", "'for' loop"),
                arguments("foreach (x : properties) { }", "'foreach' loop"),
                arguments("do { } while (false)", "'do' loop"),
                arguments("until (true) { }", "'until' loop"),
                arguments("def f() { new java.io.File('TARGET').createNewFile() }; f()", "function definition 'def'"),
                arguments("function f() { 1 }", "function definition 'function'"),
                arguments("import java.io.File", "'import'"),
                arguments("true; new java.io.File('TARGET').createNewFile()", "statement separator ';'"));
    }

    @ParameterizedTest(name = "condition {0}")
    @MethodSource("attacks")
    void attackAsCondition_isRefusedAtLoad_andNothingRuns(String attack, String construct) {
        String expression = attack.replace("TARGET", target.toString());
        String game = """
                [ { "id": "attack", "name": "Attack", "trigger": { "eventType": "*" },
                    "conditions": [ { "type": "expression", "expression": "%s" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1000 } ] } ]""".formatted(expression);
        assertRefused(game, "/rules/0/conditions/0/expression", construct);
    }

    @ParameterizedTest(name = "amount {0}")
    @MethodSource("attacks")
    void attackAsAmount_isRefusedAtLoad_andNothingRuns(String attack, String construct) {
        String expression = attack.replace("TARGET", target.toString());
        String game = """
                [ { "id": "attack", "name": "Attack", "trigger": { "eventType": "*" },
                    "actions": [ { "type": "grant_currency", "currency": "coins",
                                   "amount": { "expression": "%s" } } ] } ]""".formatted(expression);
        assertRefused(game, "/rules/0/actions/0/amount/expression", construct);
    }

    private void assertRefused(String game, String pointer, String construct) {
        assertThatThrownBy(() -> Ludus.builder().store(store).game(game).build())
                .isInstanceOfSatisfying(GameCompileException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    CompileError error = e.errors().get(0);
                    assertThat(error.code()).isEqualTo(ErrorCode.EXPRESSION_NOT_ALLOWED);
                    assertThat(error.pointer()).isEqualTo(pointer);
                    assertThat(error.ruleId()).isEqualTo("attack");
                    assertThat(error.message()).startsWith(construct + " is not allowed (column ");
                });
        assertThat(target).doesNotExist();
        assertThat(store.load("victim")).contains(before);
    }

    @Test
    void control_trustedEngine_runsTheFileAttack() {
        RuleEngine trusted = Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED).game("""
                [ { "id": "attack", "name": "Attack", "trigger": { "eventType": "*" },
                    "conditions": [ { "type": "expression",
                                      "expression": "new java.io.File('%s').createNewFile()" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""".formatted(target)).build();
        trusted.track(Event.of("victim", "go", Map.of()));
        assertThat(target).exists();
    }

    @Test
    void control_trustedEngine_runsTheRuntimeExecAttack() throws Exception {
        RuleEngine trusted = Ludus.builder().expressionPolicy(ExpressionPolicy.TRUSTED).game("""
                [ { "id": "attack", "name": "Attack", "trigger": { "eventType": "*" },
                    "conditions": [ { "type": "expression",
                      "expression": "java.lang.Runtime.getRuntime().exec('touch %s').waitFor() == 0" } ],
                    "actions": [ { "type": "grant_xp", "amount": 1 } ] } ]""".formatted(target)).build();
        assertThat(trusted.track(Event.of("victim", "go", Map.of())).rulesTriggered()).containsExactly("attack");
        assertThat(Files.exists(target)).isTrue();
    }
}
