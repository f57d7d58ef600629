package dev.ludus.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs {@link Main} in-process with captured streams. */
final class Cli {
    private Cli() {
    }

    /** What one run printed and returned. */
    record Outcome(int exit, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    static Outcome run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), 0, args);
    }

    static Outcome runWithStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), 0, args);
    }

    static Outcome run(InputStream stdin, int progressEvery, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, stdin, out, err, progressEvery);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the path of a file under {@code src/test/resources}, as a string argument */
    static String resource(String name) {
        try {
            return Path.of(Cli.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
