package dev.ludus.cli;

import dev.ludus.api.CompileError;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.RuleEngine;
import dev.ludus.api.spi.PlayerStore;
import dev.ludus.core.Ludus;
import dev.ludus.core.store.InMemoryPlayerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Loads the game file a command names, turning every way it can fail into the lines to print. */
final class GameFile {
    private GameFile() {
    }

    /**
     * Loads the game onto a new in-memory store.
     *
     * @param clock the fixed "now" for events without a timestamp, or {@code null} for the system clock
     * @throws CommandFailure with one {@code ERROR} line per compile error, or why the file cannot be read
     */
    static RuleEngine load(Path file, Instant clock) throws CommandFailure {
        return load(file, clock, InMemoryPlayerStore.create());
    }

    /**
     * @param clock the fixed "now" for events without a timestamp, or {@code null} for the system clock
     * @param store where the engine keeps its players
     * @throws CommandFailure with one {@code ERROR} line per compile error, or why the file cannot be read
     */
    static RuleEngine load(Path file, Instant clock, PlayerStore store) throws CommandFailure {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8); // the engine ignores a byte-order mark
        } catch (IOException e) {
            throw new CommandFailure("ludus: cannot read game file " + file + ": " + IoErrors.describe(e));
        }
        Ludus.Builder builder = Ludus.builder().game(json).store(store);
        if (clock != null) {
            builder.clock(Clock.fixed(clock, ZoneOffset.UTC));
        }
        try {
            return builder.build();
        } catch (GameCompileException e) {
            throw new CommandFailure(e.errors().stream().map(CompileError::toString).toList());
        }
    }
}
