package dev.ludus.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.Action;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.api.spi.PlayerRecord;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.ForwardingStore;
import dev.ludus.core.Ludus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each thread reuses one {@link EventRun}; an evaluation that fails part way must not leave it handed out. */
class EventRunReuseTest {
    private static final String GAME = """
            {"rules": [
              {"id": "xp", "name": "xp", "trigger": {"eventType": "e"}, "actions": [{"type": "grant_xp", "amount": 5}]},
              {"id": "boom", "name": "boom", "trigger": {"eventType": "boom"}, "actions": [{"type": "boom"}]}]}""";
    /** {@code boom}: throws an {@code Error}, which the engine does not catch. */
    private static final ActionType BOOM = new ActionType() {
        @Override
        public String name() {
            return "boom";
        }

        @Override
        public Action compile(ConfigNode config, CompileContext context) {
            return ctx -> {
                throw new AssertionError("an Error, not an Exception");
            };
        }
    };

    @Test
    void aRecordTheEngineCannotRead_failsTheEvent_andTheThreadKeepsReusingItsRun() {
        PlayerStore store = new UnreadableFor("bad");
        RuleEngine engine = Ludus.builder().store(store).actionType(BOOM).game(GAME).build();
        engine.track(event("good", "e"));
        EventRun reused = EventRun.reusedByThisThread();

        EventResult failed = engine.track(event("bad", "e"));
        engine.track(event("good", "e"));

        assertThat(failed.status()).isEqualTo(EventStatus.FAILED);
        assertThat(EventRun.reusedByThisThread()).isSameAs(reused);
        assertThat(reused.busy()).isFalse();
    }

    @Test
    void anErrorFromACustomAction_reachesTheCaller_andTheThreadGetsANewRunAfterwards() {
        RuleEngine engine = Ludus.builder().actionType(BOOM).game(GAME).build();
        engine.track(event("u", "e"));
        EventRun first = EventRun.reusedByThisThread();

        assertThatThrownBy(() -> engine.track(event("u", "boom"))).isInstanceOf(AssertionError.class);
        EventResult next = engine.track(event("u", "e"));

        assertThat(next.rulesTriggered()).containsExactly("xp");
        assertThat(EventRun.reusedByThisThread()).isNotNull().isNotSameAs(first);
        assertThat(EventRun.reusedByThisThread().busy()).isFalse();
    }

    private static Event event(String player, String type) {
        return Event.builder().externalUserId(player).eventType(type).build();
    }

    /** An in-memory store that hands back, for one player, a record whose engine data the engine cannot read. */
    private static final class UnreadableFor extends ForwardingStore {
        private final String player;

        UnreadableFor(String player) {
            this.player = player;
        }

        @Override
        public Optional<PlayerRecord> load(String externalUserId) {
            return externalUserId.equals(player)
                    ? Optional.of(new PlayerRecord(PlayerState.initial(player, 100), Map.of("entries", "not a map")))
                    : super.load(externalUserId);
        }
    }
}
