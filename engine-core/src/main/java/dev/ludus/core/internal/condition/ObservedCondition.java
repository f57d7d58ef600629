package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.EvaluationContext;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A condition that can also say what value it looked at (a count, a sum, a streak length), for explain.
 */
public interface ObservedCondition extends Condition {

    /** @return the value this condition compares for {@code context}, or {@code null} */
    Object actual(EvaluationContext context);

    /** @return a condition holding when {@code test} holds on what {@code observe} reads */
    static <T> ObservedCondition of(Function<EvaluationContext, T> observe, Predicate<T> test) {
        return new ObservedCondition() {
            @Override
            public boolean test(EvaluationContext context) {
                return test.test(observe.apply(context));
            }

            @Override
            public Object actual(EvaluationContext context) {
                return observe.apply(context);
            }
        };
    }
}
