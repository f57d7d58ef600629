package dev.ludus.cli;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.LudusJson;
import dev.ludus.core.LudusJson.EventReadException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code ludus run}: tracks JSON Lines events and prints one result line per event.
 *
 * @param game     the game file
 * @param events   the events file, or {@code null} for stdin
 * @param stateOut where to write the final state of the players seen, or {@code null}
 * @param clock    the fixed "now" for events without a timestamp, or {@code null} for the system clock
 */
record RunCommand(Path game, Path events, Path stateOut, Instant clock) implements Command {
    private static final int BUFFER_CHARS = 64 * 1024;

    @Override
    public void execute(Streams streams) throws CommandFailure {
        RuleEngine engine = GameFile.load(game, clock);
        // Only --state-out needs the players seen; without it, the hot path does not collect them.
        Set<String> players = stateOut == null ? null : new HashSet<>();
        // Malformed UTF-8 becomes U+FFFD rather than stopping the run: one bad line must not lose the rest.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(streams), StandardCharsets.UTF_8),
                BUFFER_CHARS)) {
            trackAll(engine, in, streams, players);
        } catch (IOException e) {
            throw new CommandFailure("ludus: cannot read events " + (events == null ? "from stdin" : "file " + events)
                    + ": " + IoErrors.describe(e));
        }
        if (stateOut != null) {
            writeState(engine, players);
        }
    }

    private InputStream open(Streams streams) throws IOException {
        return events == null ? streams.in() : Files.newInputStream(events);
    }

    /** @throws IOException only from reading {@code in}; a failed write is a {@link CommandFailure} */
    private static void trackAll(RuleEngine engine, BufferedReader in, Streams streams, Set<String> players)
            throws IOException, CommandFailure {
        Results out = new Results(streams.out());
        long lineNumber = 0;
        long tracked = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (++lineNumber == 1) {
                line = Bom.strip(line);
            }
            if (line.isBlank()) {
                continue;
            }
            out.write(LudusJson.write(track(engine, line, lineNumber, players)));
            // Hold results while more input is already waiting; show them before blocking for more.
            if (!in.ready()) {
                out.flush();
            }
            tracked++;
            if (streams.progressEvery() > 0 && tracked % streams.progressEvery() == 0) {
                out.flush(); // on a shared terminal, the line must not land inside a result
                streams.err().println("ludus: " + tracked + " events processed");
            }
        }
        out.flush();
    }

    /** @param players collects the player of every tracked event; {@code null} when not needed */
    private static EventResult track(RuleEngine engine, String line, long lineNumber, Set<String> players) {
        Event event;
        try {
            event = LudusJson.readEvent(line);
        } catch (EventReadException e) {
            return EventResult.error(e.eventId() == null ? UUID.randomUUID().toString() : e.eventId(),
                    e.externalUserId(), e.eventType(), EventStatus.REJECTED, engine.game().ruleSetVersion(), e.code(),
                    "line " + lineNumber + ": " + e.getMessage());
        }
        if (players != null && event.externalUserId() != null) {
            players.add(event.externalUserId());
        }
        return engine.track(event);
    }

    private void writeState(RuleEngine engine, Set<String> players) throws CommandFailure {
        try (Writer out = Files.newBufferedWriter(stateOut, StandardCharsets.UTF_8)) {
            out.write("{\"players\": [");
            String separator = "\n";
            for (String id : new TreeSet<>(players)) {
                Optional<PlayerState> state = engine.player(id);
                if (state.isPresent()) {
                    out.write(separator);
                    out.write(LudusJson.write(state.get()));
                    separator = ",\n";
                }
            }
            out.write("\n]}\n");
        } catch (IOException e) {
            throw new CommandFailure("ludus: cannot write state file " + stateOut + ": " + IoErrors.describe(e));
        }
    }

    /** Result lines on stdout; a failed write ends the run as a {@link CommandFailure}, not as a read error. */
    private static final class Results {
        private final Writer out;

        Results(OutputStream stream) {
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
        }

        void write(String line) throws CommandFailure {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw failure(e);
            }
        }

        void flush() throws CommandFailure {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private static CommandFailure failure(IOException e) {
            return new CommandFailure("ludus: cannot write results: " + IoErrors.describe(e));
        }
    }
}
