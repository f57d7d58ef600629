package dev.ludus.cli;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.Explanation;
import dev.ludus.api.LudusException;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.LudusJson;
import dev.ludus.core.LudusJson.EventReadException;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code ludus explain}: dry-runs one event against the players of a state file and prints the explanation
 * (SPEC section 11) as pretty-printed JSON.
 *
 * <p>An event the engine would reject, including one whose file is not a JSON event, is explained like any
 * other: the result is {@code rejected} with its code and message and no rule is listed, exactly what
 * {@code run} would answer for it. Only files that cannot be read, an invalid game and an invalid state file
 * stop the command.
 *
 * @param game   the game file
 * @param event  the event file, or {@code null} for stdin
 * @param state  a file of player states to seed the store with, or {@code null} for none
 * @param clock  the fixed "now" for an event without a timestamp, or {@code null} for the system clock
 * @param drafts whether draft and testing rules run too
 */
record ExplainCommand(Path game, Path event, Path state, Instant clock, boolean drafts) implements Command {

    @Override
    public void execute(Streams streams) throws CommandFailure {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        RuleEngine engine = GameFile.load(game, clock, store);
        if (state != null) {
            readPlayers().forEach(store::importPlayer);
        }
        Explanation explanation = explain(engine, readEvent(streams));
        try {
            Writer out = new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8);
            out.write(LudusJson.write(explanation));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new CommandFailure("ludus: cannot write the explanation: " + IoErrors.describe(e));
        }
    }

    private List<PlayerState> readPlayers() throws CommandFailure {
        String json;
        try {
            json = Bom.strip(Files.readString(state, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandFailure("ludus: cannot read state file " + state + ": " + IoErrors.describe(e));
        }
        try {
            return LudusJson.readPlayerStates(json);
        } catch (LudusException e) {
            throw new CommandFailure("ludus: invalid state file " + state + ": " + e.getMessage());
        }
    }

    private String readEvent(Streams streams) throws CommandFailure {
        try {
            if (event != null) {
                return Bom.strip(Files.readString(event, StandardCharsets.UTF_8));
            }
            // Strict like Files.readString: a mangled event would be explained as some other event.
            return Bom.strip(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(streams.in().readAllBytes()))
                    .toString());
        } catch (IOException e) {
            throw new CommandFailure("ludus: cannot read event " + (event == null ? "from stdin" : "file " + event)
                    + ": " + IoErrors.describe(e));
        }
    }

    private Explanation explain(RuleEngine engine, String json) {
        Event parsed;
        try {
            parsed = LudusJson.readEvent(json);
        } catch (EventReadException e) {
            EventResult rejected = EventResult.error(e.eventId() == null ? UUID.randomUUID().toString() : e.eventId(),
                    e.externalUserId(), e.eventType(), EventStatus.REJECTED, engine.game().ruleSetVersion(), e.code(),
                    e.getMessage());
            return new Explanation(rejected, List.of());
        }
        return engine.explain(parsed, drafts);
    }
}
