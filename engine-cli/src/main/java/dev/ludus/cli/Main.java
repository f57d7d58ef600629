package dev.ludus.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code ludus} command (SPEC section 13): {@code run}, {@code explain}, {@code validate} and {@code help}.
 *
 * <p>Exit codes: 0 when the command ran (rejected events included), 1 for an invalid game or state file or a
 * file that cannot be read or written, 2 for a usage error.
 */
public final class Main {
    /** How many events pass between two progress lines when a person is watching. */
    static final int PROGRESS_EVERY = 100_000;

    private Main() {
    }

    /** Runs the command named by {@code args} and exits with its code. */
    public static void main(String[] args) {
        // Straight to the file descriptor: System.out flushes on every write, and results are batched anyway.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        int progressEvery = isTerminal(Path.of("/proc/self/fd/2")) ? PROGRESS_EVERY : 0;
        System.exit(run(args, System.in, stdout, System.err, progressEvery));
    }

    /**
     * @param link where Linux shows a file descriptor ({@code /proc/self/fd/N}: a link to what it is open on)
     * @return whether the descriptor is a terminal; where there is no such link (macOS, Windows), whether the
     *         JDK sees a console, which on JDK 17 means standard input and output are terminals
     */
    static boolean isTerminal(Path link) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /**
     * Runs one command in-process.
     *
     * @param progressEvery print a progress line on {@code stderr} every this many events; 0 for none
     * @return the exit code
     */
    static int run(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr, int progressEvery) {
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("ludus: " + e.getMessage());
            err.println();
            err.print(CommandLine.USAGE);
            err.flush();
            return 2;
        }
        try {
            command.execute(new Streams(stdin, stdout, err, progressEvery));
            return 0;
        } catch (CommandFailure failure) {
            failure.lines().forEach(err::println);
            return 1;
        }
    }
}
