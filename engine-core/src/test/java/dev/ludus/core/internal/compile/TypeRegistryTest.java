package dev.ludus.core.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unit tests of the name table shared by built-in and custom condition and action types. */
class TypeRegistryTest {
    record Type(String name, Set<String> aliases) {
    }

    private static TypeRegistry<Type> registry(Type... types) {
        return new TypeRegistry<>("action", List.of(types), Type::name, Type::aliases);
    }

    @Test
    void find_byNameOrAlias_inAnyCase() {
        Type badge = new Type("award_badge", Set.of("grant_badge"));
        Type xp = new Type("grant_xp", Set.of());
        TypeRegistry<Type> registry = registry(badge, xp);
        assertThat(registry.find("award_badge")).isSameAs(badge);
        assertThat(registry.find("AWARD_BADGE")).isSameAs(badge);
        assertThat(registry.find("Grant_Badge")).isSameAs(badge);
        assertThat(registry.find("GRANT_XP")).isSameAs(xp);
        assertThat(registry.find("grant_gold")).isNull();
    }

    @Test
    void known_listsCanonicalNamesSorted_withoutAliases() {
        TypeRegistry<Type> registry = registry(new Type("set_attribute", Set.of()),
                new Type("award_badge", Set.of("grant_badge")), new Type("Grant_XP", Set.of()));
        assertThat(registry.known()).isEqualTo("award_badge, grant_xp, set_attribute");
    }

    @Test
    void sameNameTwice_isRefused_namingIt() {
        assertThatThrownBy(() -> registry(new Type("grant_xp", Set.of()), new Type("GRANT_XP", Set.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("action")
                .hasMessageContaining("grant_xp");
    }

    @Test
    void aliasClashingWithAName_isRefused() {
        assertThatThrownBy(() -> registry(new Type("award_badge", Set.of("grant_badge")), new Type("grant_badge", Set.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("grant_badge");
        assertThatThrownBy(() -> registry(new Type("a", Set.of("shared")), new Type("b", Set.of("SHARED"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shared");
    }
}
