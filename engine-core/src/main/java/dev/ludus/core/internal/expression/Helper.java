package dev.ludus.core.internal.expression;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * The helper functions an expression may call (SPEC section 10), as free functions: {@code lower(name)},
 * {@code startsWith(s, 'x')}. They are the only calls the sandbox allows.
 */
enum Helper {
    MIN("min", 2, Integer.MAX_VALUE) {
        @Override
        Object apply(Object[] args) {
            return extreme(args, -1);
        }
    },
    MAX("max", 2, Integer.MAX_VALUE) {
        @Override
        Object apply(Object[] args) {
            return extreme(args, 1);
        }
    },
    ABS("abs", 1, 1) {
        @Override
        Object apply(Object[] args) {
            Number n = Values.number(args[0], "abs()");
            if (Values.isWhole(n)) {
                if (n.longValue() == Long.MIN_VALUE) {
                    throw new EvaluationException("overflow: abs(" + n + ") is outside the range of whole numbers");
                }
                return Math.abs(n.longValue());
            }
            return Math.abs(n.doubleValue());
        }
    },
    FLOOR("floor", 1, 1) {
        @Override
        Object apply(Object[] args) {
            return whole(args[0], "floor()", Math::floor);
        }
    },
    CEIL("ceil", 1, 1) {
        @Override
        Object apply(Object[] args) {
            return whole(args[0], "ceil()", Math::ceil);
        }
    },
    ROUND("round", 1, 1) {
        @Override
        Object apply(Object[] args) {
            // Half up, towards positive infinity, as Math.round: round(2.5) = 3, round(-2.5) = -2.
            return whole(args[0], "round()", d -> (double) Math.round(d));
        }
    },
    SIZE("size", 1, 1) {
        @Override
        Object apply(Object[] args) {
            Object value = args[0];
            if (value instanceof String s) {
                return (long) s.length();
            }
            if (value instanceof List<?> list) {
                return (long) list.size();
            }
            if (value instanceof Map<?, ?> map) {
                return (long) map.size();
            }
            throw new EvaluationException("size() expects a string, an array or an object, found "
                    + Values.describe(value));
        }
    },
    LOWER("lower", 1, 1) {
        @Override
        Object apply(Object[] args) {
            return string(args[0], "lower()").toLowerCase(Locale.ROOT);
        }
    },
    UPPER("upper", 1, 1) {
        @Override
        Object apply(Object[] args) {
            return string(args[0], "upper()").toUpperCase(Locale.ROOT);
        }
    },
    STARTS_WITH("startsWith", 2, 2) {
        @Override
        Object apply(Object[] args) {
            return string(args[0], "startsWith()").startsWith(string(args[1], "startsWith()"));
        }
    },
    ENDS_WITH("endsWith", 2, 2) {
        @Override
        Object apply(Object[] args) {
            return string(args[0], "endsWith()").endsWith(string(args[1], "endsWith()"));
        }
    };

    private static final Map<String, Helper> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(h -> h.functionName, h -> h));

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;

    Helper(String functionName, int minArguments, int maxArguments) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** @return the helper called {@code name} (case-sensitive), or {@code null} */
    static Helper named(String name) {
        return BY_NAME.get(name);
    }

    /** @return the helper names, sorted, for messages */
    static String known() {
        return BY_NAME.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    String functionName() {
        return functionName;
    }

    /** @return why {@code count} arguments do not fit, or {@code null} when they do */
    String checkArity(int count) {
        if (count >= minArguments && count <= maxArguments) {
            return null;
        }
        String expected = minArguments == maxArguments
                ? minArguments + (minArguments == 1 ? " argument" : " arguments")
                : "at least " + minArguments + " arguments";
        return functionName + "() takes " + expected + ", found " + count;
    }

    /**
     * @param args the evaluated arguments, as many as {@link #checkArity} accepted
     * @throws EvaluationException when an argument has the wrong type or the result is out of range
     */
    abstract Object apply(Object[] args);

    private static Object extreme(Object[] args, int sign) {
        String name = sign < 0 ? "min()" : "max()";
        Number best = Values.number(args[0], name);
        boolean whole = Values.isWhole(best);
        for (int i = 1; i < args.length; i++) {
            Number n = Values.number(args[i], name);
            whole &= Values.isWhole(n);
            if (Values.compareNumbers(n, best) * sign > 0) {
                best = n;
            }
        }
        return whole ? (Object) best.longValue() : (Object) best.doubleValue();
    }

    private static Object whole(Object value, String name, DoubleUnaryOperator rounding) {
        Number n = Values.number(value, name);
        if (Values.isWhole(n)) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || d < -0x1p63 || d >= 0x1p63) {
            throw new EvaluationException(name + " of " + n + " is outside the range of whole numbers");
        }
        return (long) rounding.applyAsDouble(d);
    }

    private static String string(Object value, String name) {
        if (value instanceof String s) {
            return s;
        }
        throw new EvaluationException(name + " expects strings, found " + Values.describe(value));
    }
}
