package dev.ludus.core.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.ExpressionPolicy;
import dev.ludus.core.internal.expression.Expressions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results share the lists of rule ids and action types they carry, up to a bound per game. */
class SharedListsTest {
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
}
