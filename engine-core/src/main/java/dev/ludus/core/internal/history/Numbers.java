package dev.ludus.core.internal.history;

/** Sums of JSON numbers: exact while both are whole and do not overflow, else double. */
final class Numbers {
    private Numbers() {
    }

    static Number add(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        return a.doubleValue() + b.doubleValue();
    }
}
