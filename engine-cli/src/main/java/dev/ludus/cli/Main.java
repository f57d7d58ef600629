package dev.ludus.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
        int progressEvery = System.console() == null ? 0 : PROGRESS_EVERY;
        System.exit(run(args, System.in, stdout, System.err, progressEvery));
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
