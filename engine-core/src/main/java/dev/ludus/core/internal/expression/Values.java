package dev.ludus.core.internal.expression;

import dev.ludus.core.internal.util.JsonValues;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's value semantics: whole numbers use exact {@code long} arithmetic (overflow is an error),
 * any other number makes the operation {@code double}; numbers compare by value; there is no coercion
 * between strings, numbers and booleans.
 */
final class Values {
    private Values() {
    }

    static boolean isWhole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static Number number(Object value, String operator) {
        if (value instanceof Number n) {
            return n;
        }
        throw new EvaluationException(operator + " expects numbers, found " + describe(value));
    }

    static Object add(Object a, Object b) {
        Number x = number(a, "'+'");
        Number y = number(b, "'+'");
        if (isWhole(x) && isWhole(y)) {
            try {
                return Math.addExact(x.longValue(), y.longValue());
            } catch (ArithmeticException e) {
                throw overflow(x, "+", y);
            }
        }
        return finite(x.doubleValue() + y.doubleValue(), x, "+", y);
    }

    static Object subtract(Object a, Object b) {
        Number x = number(a, "'-'");
        Number y = number(b, "'-'");
        if (isWhole(x) && isWhole(y)) {
            try {
                return Math.subtractExact(x.longValue(), y.longValue());
            } catch (ArithmeticException e) {
                throw overflow(x, "-", y);
            }
        }
        return finite(x.doubleValue() - y.doubleValue(), x, "-", y);
    }

    static Object multiply(Object a, Object b) {
        Number x = number(a, "'*'");
        Number y = number(b, "'*'");
        if (isWhole(x) && isWhole(y)) {
            try {
                return Math.multiplyExact(x.longValue(), y.longValue());
            } catch (ArithmeticException e) {
                throw overflow(x, "*", y);
            }
        }
        return finite(x.doubleValue() * y.doubleValue(), x, "*", y);
    }

    static Object divide(Object a, Object b) {
        Number x = number(a, "'/'");
        Number y = number(b, "'/'");
        requireNonZero(y, x, "/");
        if (isWhole(x) && isWhole(y)) {
            if (x.longValue() == Long.MIN_VALUE && y.longValue() == -1) {
                throw overflow(x, "/", y);
            }
            return x.longValue() / y.longValue();
        }
        return finite(x.doubleValue() / y.doubleValue(), x, "/", y);
    }

    static Object remainder(Object a, Object b) {
        Number x = number(a, "'%'");
        Number y = number(b, "'%'");
        requireNonZero(y, x, "%");
        if (isWhole(x) && isWhole(y)) {
            return y.longValue() == -1 ? 0L : x.longValue() % y.longValue();
        }
        return finite(x.doubleValue() % y.doubleValue(), x, "%", y);
    }

    static Object negate(Object a) {
        Number x = number(a, "'-'");
        if (isWhole(x)) {
            if (x.longValue() == Long.MIN_VALUE) {
                throw new EvaluationException("overflow: -(" + x + ") is outside the range of whole numbers");
            }
            return -x.longValue();
        }
        return -x.doubleValue();
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=}: numbers by value, strings by UTF-16 order. */
    static int compare(Object a, Object b, String operator) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw incomparable(a, b, operator);
    }

    static EvaluationException incomparable(Object a, Object b, String operator) {
        return new EvaluationException("'" + operator + "' compares two numbers or two strings, found "
                + describe(a) + " and " + describe(b));
    }

    /**
     * By value and exactly, as the property conditions compare: a whole number and a decimal are not both
     * rounded to double (9007199254740993 is greater than 9007199254740992.0), and -0.0 equals 0. The sandbox
     * never makes a NaN (arithmetic results must be finite, events hold only finite numbers).
     */
    static int compareNumbers(Number x, Number y) {
        return JsonValues.compare(x, y);
    }

    /** {@code ==}: numbers by value (95 == 95.0), lists and objects deeply, no coercion ('95' != 95). */
    static boolean equal(Object a, Object b) {
        return JsonValues.equal(a, b);
    }

    static boolean bool(Object value, String operator) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new EvaluationException(operator + " expects true or false, found " + describe(value));
    }

    /** Describes a value for an error message: its type and, for scalars, the value. */
    static String describe(Object value) {
        if (value instanceof Number n && !(value instanceof Long) && !(value instanceof Double)) {
            return "number " + n;
        }
        if (value instanceof Map || value instanceof List || value == null || value instanceof String
                || value instanceof Boolean || value instanceof Number) {
            return JsonValues.describe(value);
        }
        return value.getClass().getSimpleName();
    }

    private static void requireNonZero(Number divisor, Number dividend, String operator) {
        if (isWhole(divisor) ? divisor.longValue() == 0 : divisor.doubleValue() == 0.0) {
            throw new EvaluationException("division by zero: " + dividend + " " + operator + " " + divisor);
        }
    }

    private static double finite(double result, Number x, String operator, Number y) {
        if (Double.isNaN(result) || Double.isInfinite(result)) {
            throw new EvaluationException(x + " " + operator + " " + y + " is not a finite number");
        }
        return result;
    }

    private static EvaluationException overflow(Number x, String operator, Number y) {
        return new EvaluationException("overflow: " + x + " " + operator + " " + y
                + " is outside the range of whole numbers");
    }
}
