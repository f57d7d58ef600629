package dev.ludus.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What a command talks to: the process's standard streams, or a test's.
 *
 * @param progressEvery events between two progress lines on {@code err}; 0 for none
 */
record Streams(InputStream in, OutputStream out, PrintStream err, int progressEvery) {
}
