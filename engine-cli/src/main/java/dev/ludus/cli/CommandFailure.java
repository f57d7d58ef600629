package dev.ludus.cli;

import java.util.List;

/** A command could not do its work (exit code 1); each line is printed on stderr. */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    CommandFailure(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    CommandFailure(String line) {
        this(List.of(line));
    }

    List<String> lines() {
        return lines;
    }
}
