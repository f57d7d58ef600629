package dev.ludus.core.internal.history;

/** Sums of JSON numbers: exact while both are whole and do not overflow, else double. */
final class Numbers {
    private Numbers() {
    }

    static Number add(Number a, Number b) {
        if (whole(a) && whole(b)) { // a store may hand the engine's Longs back as Integers (SPI: engine data)
            long x = a.longValue();
            long y = b.longValue();
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        return a.doubleValue() + b.doubleValue();
    }

    private static boolean whole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }
}
