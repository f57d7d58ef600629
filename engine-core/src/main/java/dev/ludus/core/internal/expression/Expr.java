package dev.ludus.core.internal.expression;

import java.util.List;
import java.util.Map;

/**
 * A checked expression: the tree the {@link Parser} builds, which evaluates itself. Every node type here
 * is a construct of the allowlist; there is no node that could call a method, create an object, load a
 * class or change a value, so a tree can only read its inputs and compute. Immutable and thread-safe.
 */
sealed interface Expr {

    /**
     * @param variables the evaluation's inputs
     * @return the value: {@code Long}, {@code Double}, {@code String}, {@code Boolean}, {@code null}, or an
     *         unmodifiable {@code List} or {@code Map} read from the inputs
     * @throws MissingVariableException when it reads a variable, key or index that is not there
     * @throws EvaluationException      on a type or arithmetic error
     */
    Object eval(Variables variables);

    /** A number, string, boolean or {@code null} written in the expression. */
    record Literal(Object value) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return value;
        }
    }

    /** An event property read by its bare name ({@code score}). */
    record Property(String name) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return Variables.property(variables.properties(), name);
        }
    }

    /** One of the reserved variables: {@code properties}, {@code event}, {@code player}. */
    record Reserved(String name) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return variables.get(name);
        }
    }

    /** {@code target.key}: a key of an object. {@code text} is the path as written, for messages. */
    record Member(Expr target, String key, String text) implements Expr {
        @Override
        public Object eval(Variables variables) {
            Object value = target.eval(variables);
            if (value instanceof Map<?, ?> map) {
                Object member = map.get(key);
                if (member != null || map.containsKey(key)) {
                    return member;
                }
            }
            throw new MissingVariableException(text);
        }
    }

    /**
     * {@code target[index]}: an array element by whole number, or an object key by string. Like a dot
     * path, an index that leads nowhere (out of range, wrong kind of key) is a missing value.
     */
    record Index(Expr target, Expr index, String text) implements Expr {
        @Override
        public Object eval(Variables variables) {
            Object value = target.eval(variables);
            Object at = index.eval(variables);
            if (value instanceof List<?> list && Values.isWhole(at)) {
                long i = ((Number) at).longValue();
                if (i >= 0 && i < list.size()) {
                    return list.get((int) i);
                }
            } else if (value instanceof Map<?, ?> map && at instanceof String key) {
                Object member = map.get(key);
                if (member != null || map.containsKey(key)) {
                    return member;
                }
            }
            throw new MissingVariableException(text);
        }
    }

    /** {@code !operand}. */
    record Not(Expr operand) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return !Values.bool(operand.eval(variables), "'!'");
        }
    }

    /** {@code -operand}. */
    record Negate(Expr operand) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return Values.negate(operand.eval(variables));
        }
    }

    /** {@code left && right}, evaluating {@code right} only when {@code left} is true. */
    record And(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return Values.bool(left.eval(variables), "'&&'") && Values.bool(right.eval(variables), "'&&'");
        }
    }

    /** {@code left || right}, evaluating {@code right} only when {@code left} is false. */
    record Or(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return Values.bool(left.eval(variables), "'||'") || Values.bool(right.eval(variables), "'||'");
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Ternary(Expr condition, Expr then, Expr otherwise) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return Values.bool(condition.eval(variables), "'?:'") ? then.eval(variables) : otherwise.eval(variables);
        }
    }

    /** {@code ==} and {@code !=}. */
    record Equality(boolean negated, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return negated != Values.equal(left.eval(variables), right.eval(variables));
        }
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=}. */
    record Comparison(Comparator operator, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Variables variables) {
            return operator.test(Values.compare(left.eval(variables), right.eval(variables), operator.symbol()));
        }
    }

    /** {@code + - * / %}. */
    record Arithmetic(Operator operator, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Variables variables) {
            Object a = left.eval(variables);
            Object b = right.eval(variables);
            return switch (operator) {
                case ADD -> Values.add(a, b);
                case SUBTRACT -> Values.subtract(a, b);
                case MULTIPLY -> Values.multiply(a, b);
                case DIVIDE -> Values.divide(a, b);
                case REMAINDER -> Values.remainder(a, b);
            };
        }
    }

    /** A call of one of the {@link Helper}s; no other call exists. */
    record Call(Helper helper, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public Object eval(Variables variables) {
            Object[] values = new Object[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(i).eval(variables);
            }
            return helper.apply(values);
        }
    }

    /** The ordering comparisons. */
    enum Comparator {
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        /** @return whether a {@code compareTo} result satisfies the operator */
        boolean test(int comparison) {
            return switch (this) {
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
            };
        }

        static Comparator of(String symbol) {
            for (Comparator c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The arithmetic operators. */
    enum Operator {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER;

        static Operator of(String symbol) {
            return switch (symbol) {
                case "+" -> ADD;
                case "-" -> SUBTRACT;
                case "*" -> MULTIPLY;
                case "/" -> DIVIDE;
                case "%" -> REMAINDER;
                default -> null;
            };
        }
    }
}
