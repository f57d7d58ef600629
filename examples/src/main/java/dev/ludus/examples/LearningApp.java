package dev.ludus.examples;

import java.util.List;

/**
 * A learning app: lessons and quizzes earn XP and coins, five passed lessons complete a quest, levels follow
 * an exponential curve with rewards at levels 3 and 5, and a rule on the derived {@code level_up} event pays
 * a bonus for every new level. Game and events: {@code learning/game.json}, {@code learning/events.jsonl}.
 *
 * <p>Prints each event's result and the learners' final states. Run it from an IDE, or the same files through
 * the CLI: {@code java -jar engine-cli/target/ludus.jar run --game examples/src/main/resources/learning/game.json
 * --events examples/src/main/resources/learning/events.jsonl}.
 */
public final class LearningApp {
    /** The learners of the events file, in the order their final states are printed. */
    public static final List<String> PLAYERS = List.of("ana-souza", "ben-okafor");

    private LearningApp() {
    }

    /** @return the example played to the end */
    public static ExampleRun play() {
        return ExampleRun.play("learning");
    }

    public static void main(String[] args) {
        play().print(System.out, PLAYERS);
    }
}
