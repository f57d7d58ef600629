package dev.ludus.cli;

import dev.ludus.api.GameInfo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code ludus validate GAME.json}: compiles the game and prints a one-line summary. */
record ValidateCommand(Path game) implements Command {

    @Override
    public void execute(Streams streams) throws CommandFailure {
        GameInfo info = GameFile.load(game, null).game();
        PrintStream out = new PrintStream(streams.out(), false, StandardCharsets.UTF_8);
        out.println(summary(info, game));
        out.flush();
    }

    /** @return e.g. {@code OK learning-app version 2026-11-21.1: 5 rules, 2 currencies, 3 badges, 1 quest} */
    private static String summary(GameInfo info, Path file) {
        return "OK " + (info.id() == null ? file.getFileName() : info.id())
                + " version " + info.ruleSetVersion() + ": "
                + count(info.ruleIds().size(), "rule", "rules") + ", "
                + count(info.currencies().size(), "currency", "currencies") + ", "
                + count(info.badges().size(), "badge", "badges") + ", "
                + count(info.quests().size(), "quest", "quests");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
