package dev.ludus.examples;

import dev.ludus.api.Event;
import dev.ludus.api.EventResult;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleEngine;
import dev.ludus.core.Ludus;
import dev.ludus.core.LudusJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One example played end to end: its game file and its events are read from the classpath
 * ({@code <example>/game.json}, {@code <example>/events.jsonl}), a fresh engine with the in-memory store
 * tracks every event in file order, and the results and the engine stay available for inspection.
 *
 * <p>The event file is the same one the {@code ludus} CLI runs, so the Java and the command-line runs of an
 * example give the same results.
 *
 * <p>Thread-safe: the results are an immutable list and the engine is thread-safe; player states no longer
 * change once {@link #play} has returned, unless a caller tracks more events.
 */
public final class ExampleRun {
    private final RuleEngine engine;
    private final List<EventResult> results;

    private ExampleRun(RuleEngine engine, List<EventResult> results) {
        this.engine = engine;
        this.results = List.copyOf(results);
    }

    /**
     * Loads an example's game, tracks all of its events and returns the outcome.
     *
     * @param example the resource folder of the example, e.g. {@code learning}
     * @return the finished run, never {@code null}
     * @throws dev.ludus.api.GameCompileException when the game file does not compile
     * @throws dev.ludus.api.LudusException       when an events line is not a readable event
     * @throws IllegalArgumentException           when the example's files are not on the classpath
     */
    public static ExampleRun play(String example) {
        Objects.requireNonNull(example, "example");
        RuleEngine engine = Ludus.builder().game(resource(example + "/game.json")).build();
        List<Event> events = resource(example + "/events.jsonl").lines()
                .filter(line -> !line.isBlank())
                .map(LudusJson::readEvent)
                .collect(Collectors.toList());
        return new ExampleRun(engine, engine.trackBatch(events));
    }

    /** @return the engine that tracked the events; its players hold the final states */
    public RuleEngine engine() {
        return engine;
    }

    /** @return one result per event line, in file order */
    public List<EventResult> results() {
        return results;
    }

    /**
     * @param eventId the {@code eventId} given in the events file
     * @return that event's result
     * @throws NoSuchElementException when no result has that id
     */
    public EventResult result(String eventId) {
        return results.stream()
                .filter(r -> r.eventId().equals(eventId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no result for event " + eventId));
    }

    /**
     * @param externalUserId a player of the example
     * @return the player's final state
     * @throws NoSuchElementException when no event of that player was committed
     */
    public PlayerState player(String externalUserId) {
        return engine.player(externalUserId)
                .orElseThrow(() -> new NoSuchElementException("no committed state for player " + externalUserId));
    }

    /**
     * Prints every result, then the final state of each of {@code players}, in a form meant for people.
     *
     * @param out     where to print
     * @param players the players whose final state to show, in this order
     */
    public void print(PrintStream out, List<String> players) {
        out.println("Game " + engine.game().id() + ", rules version " + engine.game().ruleSetVersion()
                + ", " + results.size() + " events");
        out.println();
        for (EventResult result : results) {
            out.print(Describe.result(result));
        }
        out.println();
        out.println("Final player states");
        out.println();
        for (String player : players) {
            out.print(Describe.player(player(player)));
        }
    }

    private static String resource(String name) {
        try (InputStream in = ExampleRun.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("example resource not on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read example resource " + name, e);
        }
    }
}
