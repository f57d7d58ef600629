package dev.ludus.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark thread's position in a cycle of pre-built events: each thread walks the events from its own
 * position, whatever state the engine under test shares between threads.
 */
@State(Scope.Thread)
public class Cursor {
    private int next;

    /**
     * @param length the length of the cycle
     * @return the index of the next event, {@code 0}…{@code length - 1}, then again from {@code 0}
     */
    int next(int length) {
        int current = next;
        // A compare, not %: an integer division would cost as much as a fair part of the baseline.
        if (++next == length) {
            next = 0;
        }
        return current;
    }

    /** @param position where the next call of {@link #next(int)} starts */
    void startAt(int position) {
        next = position;
    }
}
