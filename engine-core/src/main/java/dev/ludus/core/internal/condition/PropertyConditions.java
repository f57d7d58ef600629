package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.internal.util.JsonValues;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code property_*} conditions: tests on event properties, with no type coercion. */
final class PropertyConditions {
    static final int MAX_PATTERN_LENGTH = 512;

    private PropertyConditions() {
    }

    static Condition eq(ConfigNode config, CompileContext context) {
        PropertyPath path = path(config, context);
        Object expected = config.value("value");
        if (path == null || !config.has("value")) {
            return null;
        }
        if (expected instanceof String text) {
            // Interned: every rule testing the same literal shares one string, which stays in the CPU cache.
            String literal = text.intern();
            return ctx -> literal.equals(path.value(ctx)); // equal only to the same string
        }
        if (expected instanceof Boolean) {
            return ctx -> expected.equals(path.value(ctx));
        }
        return ctx -> JsonValues.equal(path.value(ctx), expected);
    }

    static Condition neq(ConfigNode config, CompileContext context) {
        Condition eq = eq(config, context);
        return eq == null ? null : ctx -> !eq.test(ctx);
    }

    static Condition gt(ConfigNode config, CompileContext context) {
        return compare(config, context, c -> c > 0);
    }

    static Condition gte(ConfigNode config, CompileContext context) {
        return compare(config, context, c -> c >= 0);
    }

    static Condition lt(ConfigNode config, CompileContext context) {
        return compare(config, context, c -> c < 0);
    }

    static Condition lte(ConfigNode config, CompileContext context) {
        return compare(config, context, c -> c <= 0);
    }

    private static Condition compare(ConfigNode config, CompileContext context, IntPredicate accept) {
        PropertyPath path = path(config, context);
        Number bound = config.number("value");
        if (path == null || bound == null) {
            return null;
        }
        if (bound instanceof Long whole) {
            // The bound as a primitive: a whole-number property compares without reaching a boxed bound, and a
            // decimal one exactly (as a double the bound could round: 2^53 + 1 would equal 2^53).
            long limit = whole;
            return ctx -> {
                Object actual = path.value(ctx);
                return actual instanceof Long value ? accept.test(Long.compare(value, limit))
                        : actual instanceof Double decimal && !decimal.isNaN()
                                && accept.test(-JsonValues.compareLongWithDouble(limit, decimal));
            };
        }
        double limit = bound.doubleValue(); // a decimal bound: a Double, never NaN (JSON has none)
        return ctx -> {
            Object actual = path.value(ctx);
            return actual instanceof Double decimal
                    ? !decimal.isNaN() && accept.test(JsonValues.compare(decimal, bound))
                    : actual instanceof Long whole && accept.test(JsonValues.compareLongWithDouble(whole, limit));
        };
    }

    static Condition between(ConfigNode config, CompileContext context) {
        PropertyPath path = path(config, context);
        Number min = config.number("min");
        Number max = config.number("max");
        if (path == null || min == null || max == null) {
            return null;
        }
        if (JsonValues.compare(min, max) > 0) {
            config.error("min", "min " + min + " is greater than max " + max);
            return null;
        }
        return ctx -> {
            Object actual = path.value(ctx);
            return JsonValues.isNumber(actual) && !JsonValues.isNaN((Number) actual)
                    && JsonValues.compare((Number) actual, min) >= 0
                    && JsonValues.compare((Number) actual, max) <= 0;
        };
    }

    static Condition in(ConfigNode config, CompileContext context) {
        PropertyPath path = path(config, context);
        List<Object> values = config.list("values");
        if (path == null || values == null) {
            return null;
        }
        Object[] candidates = values.toArray();
        return ctx -> {
            Object actual = path.value(ctx);
            for (Object candidate : candidates) {
                if (JsonValues.equal(actual, candidate)) {
                    return true;
                }
            }
            return false;
        };
    }

    static Condition notIn(ConfigNode config, CompileContext context) {
        Condition in = in(config, context);
        return in == null ? null : ctx -> !in.test(ctx);
    }

    static Condition contains(ConfigNode config, CompileContext context) {
        PropertyPath path = path(config, context);
        Object needle = config.value("value");
        if (path == null || !config.has("value")) {
            return null;
        }
        return ctx -> {
            Object actual = path.value(ctx);
            if (actual instanceof List<?> list) {
                for (Object element : list) {
                    if (JsonValues.equal(element, needle)) {
                        return true;
                    }
                }
                return false;
            }
            return actual instanceof String s && needle instanceof String n && s.contains(n);
        };
    }

    static Condition exists(ConfigNode config, CompileContext context) {
        PropertyPath path = path(config, context);
        if (path == null) {
            return null;
        }
        return ctx -> {
            Object actual = path.value(ctx);
            return actual != PropertyPath.MISSING && actual != null;
        };
    }

    static Condition notExists(ConfigNode config, CompileContext context) {
        Condition exists = exists(config, context);
        return exists == null ? null : ctx -> !exists.test(ctx);
    }

    static Condition matches(ConfigNode config, CompileContext context) {
        PropertyPath path = path(config, context);
        String regex = config.string("pattern");
        if (path == null || regex == null) {
            return null;
        }
        if (regex.length() > MAX_PATTERN_LENGTH) {
            config.error("pattern", "pattern is " + regex.length() + " characters long; at most "
                    + MAX_PATTERN_LENGTH + " are allowed");
            return null;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            config.error("pattern", "not a valid Java regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
            return null;
        }
        return ctx -> path.value(ctx) instanceof String s && pattern.matcher(s).find();
    }

    /**
     * Reads and compiles the {@code property} field (interned in the game's per-event cache when the compiler
     * offers one), or reports why not and returns {@code null}.
     */
    static PropertyPath path(ConfigNode config, CompileContext context) {
        String text = config.string("property");
        if (text == null) {
            return null;
        }
        try {
            return context instanceof PropertyPath.Registry registry ? registry.path(text) : PropertyPath.parse(text);
        } catch (IllegalArgumentException e) {
            config.error("property", e.getMessage());
            return null;
        }
    }
}
