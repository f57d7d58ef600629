package dev.ludus.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code ludus help}: the usage text on stdout. */
record HelpCommand() implements Command {
    @Override
    public void execute(Streams streams) {
        PrintStream out = new PrintStream(streams.out(), false, StandardCharsets.UTF_8);
        out.print(CommandLine.USAGE);
        out.flush();
    }
}
