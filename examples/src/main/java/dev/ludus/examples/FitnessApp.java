package dev.ludus.examples;

import java.util.List;

/**
 * A fitness app: workouts earn XP and energy, daily summaries meet a goal built from {@code any} and
 * {@code not}, cardio bonuses combine {@code all} and {@code any} over nested properties, the member's chosen
 * goal is kept as a player attribute that later rules read, and a repeatable five-workout quest completes again
 * and again. Levels come from a table whose last entry is the top level. Game and events:
 * {@code fitness/game.json}, {@code fitness/events.jsonl}.
 *
 * <p>Prints each event's result and the members' final states.
 */
public final class FitnessApp {
    /** The members of the events file, in the order their final states are printed. */
    public static final List<String> PLAYERS = List.of("jade.lin", "omar.haddad");

    private FitnessApp() {
    }

    /** @return the example played to the end */
    public static ExampleRun play() {
        return ExampleRun.play("fitness");
    }

    public static void main(String[] args) {
        play().print(System.out, PLAYERS);
    }
}
