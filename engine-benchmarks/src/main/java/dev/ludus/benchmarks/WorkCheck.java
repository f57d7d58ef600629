package dev.ludus.benchmarks;

/**
 * The check every benchmark runs in its setup: over the workload's events, the variant under test must fire
 * exactly as many rules as the {@link HandWrittenBaseline}, or it is not doing the same work and its number
 * would mean nothing.
 */
final class WorkCheck {
    private WorkCheck() {
    }

    /** @return how many rules the baseline fires over the workload's events, tracked once in order */
    static long expectedFired(ReferenceWorkload workload) {
        return HandWrittenBaseline.firedByBaseline(workload.newBaseline(), workload.events());
    }

    /**
     * @param variant  what was run, for the message
     * @param fired    how many rules it fired
     * @param expected how many it should have fired
     * @throws IllegalStateException when the two differ
     */
    static void requireFired(String variant, long fired, long expected) {
        if (fired != expected) {
            throw new IllegalStateException(variant + " fired " + fired + " rules over the reference events where the "
                    + "hand-written baseline fires " + expected + ": it does not do the same work, so its time "
                    + "would not compare");
        }
    }
}
