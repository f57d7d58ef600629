package dev.ludus.core.internal.expression;

import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.EvaluationContext;
import java.util.Map;

/**
 * The fast form of the most common expression, one property compared with a number
 * ({@code score >= 80}): a typed predicate with exactly the sandbox's semantics (missing: false;
 * a number: compared by value; anything else: {@code EXPRESSION_ERROR}), without the tree walk or the
 * per-evaluation variables. Immutable and thread-safe.
 */
final class PropertyComparison implements Condition {
    private final String property;
    private final Expr.Comparator comparator;
    private final Expr.Comparator written;
    private final boolean mirrored;
    private final Number bound;
    private final boolean wholeBound;
    private final long longBound;
    private final Origin origin;

    private PropertyComparison(String property, Expr.Comparator written, boolean mirrored, Number bound,
                               Origin origin) {
        this.property = property;
        this.written = written;
        this.mirrored = mirrored;
        this.comparator = mirrored ? mirror(written) : written;
        this.bound = bound;
        this.wholeBound = Values.isWhole(bound);
        this.longBound = bound.longValue();
        this.origin = origin;
    }

    /** @return the fast form of {@code expr}, or {@code null} when it is not a property-number comparison */
    static Condition of(Expr expr, Origin origin) {
        if (!(expr instanceof Expr.Comparison comparison)) {
            return null;
        }
        if (comparison.left() instanceof Expr.Property p && comparison.right() instanceof Expr.Literal l
                && l.value() instanceof Number n) {
            return new PropertyComparison(p.name(), comparison.operator(), false, n, origin);
        }
        if (comparison.right() instanceof Expr.Property p && comparison.left() instanceof Expr.Literal l
                && l.value() instanceof Number n) {
            return new PropertyComparison(p.name(), comparison.operator(), true, n, origin);
        }
        return null;
    }

    /** {@code 80 <= score} is {@code score >= 80}. */
    private static Expr.Comparator mirror(Expr.Comparator comparator) {
        return switch (comparator) {
            case LESS -> Expr.Comparator.GREATER;
            case LESS_OR_EQUAL -> Expr.Comparator.GREATER_OR_EQUAL;
            case GREATER -> Expr.Comparator.LESS;
            case GREATER_OR_EQUAL -> Expr.Comparator.LESS_OR_EQUAL;
        };
    }

    @Override
    public boolean test(EvaluationContext context) {
        Map<String, Object> properties = context.properties();
        Object value = properties.get(property);
        if (value instanceof Long l && wholeBound) {
            return comparator.test(Long.compare(l, longBound));
        }
        if (value instanceof Number n) {
            return comparator.test(Values.compareNumbers(n, bound));
        }
        if (value == null && !properties.containsKey(property)) {
            return false;
        }
        // The same message as the tree walk gives, operands in the order they were written.
        EvaluationException error = mirrored ? Values.incomparable(bound, value, written.symbol())
                : Values.incomparable(value, bound, written.symbol());
        throw origin.error(error.getMessage());
    }

    @Override
    public String toString() {
        return "expression " + SourceText.quote(origin.source());
    }
}
