package dev.ludus.core.internal.expression;

import java.lang.reflect.Method;
import org.mvel2.ParserContext;

/**
 * The sandbox's helpers as MVEL functions, so a game written for {@code SANDBOXED} means the same under
 * {@code TRUSTED}: each is imported into the fresh {@link ParserContext} of every {@code TRUSTED} compile
 * (never into MVEL's global configuration) and delegates to {@link Helper}. Public only because MVEL calls
 * them by reflection.
 *
 * <p>Helpers of fixed arity take fixed parameters: MVEL spreads a collection passed to a varargs method
 * into its elements, which would turn {@code size(list)} into a call with the list's elements. Only
 * {@code min} and {@code max} are variadic, as in the sandbox.
 */
public final class MvelHelpers {
    private MvelHelpers() {
    }

    /** Imports every helper, under its expression name, into {@code context}. */
    static void importInto(ParserContext context) {
        for (Method method : MvelHelpers.class.getMethods()) {
            if (method.getDeclaringClass() == MvelHelpers.class && Helper.named(method.getName()) != null) {
                context.addImport(method.getName(), method);
            }
        }
    }

    private static Object call(Helper helper, Object[] args) {
        String arity = helper.checkArity(args.length);
        if (arity != null) {
            throw new EvaluationException(arity);
        }
        return helper.apply(args);
    }

    /** @see Helper#MIN */
    public static Object min(Object... args) {
        return call(Helper.MIN, args);
    }

    /** @see Helper#MAX */
    public static Object max(Object... args) {
        return call(Helper.MAX, args);
    }

    /** @see Helper#ABS */
    public static Object abs(Object value) {
        return Helper.ABS.apply(new Object[] {value});
    }

    /** @see Helper#FLOOR */
    public static Object floor(Object value) {
        return Helper.FLOOR.apply(new Object[] {value});
    }

    /** @see Helper#CEIL */
    public static Object ceil(Object value) {
        return Helper.CEIL.apply(new Object[] {value});
    }

    /** @see Helper#ROUND */
    public static Object round(Object value) {
        return Helper.ROUND.apply(new Object[] {value});
    }

    /** @see Helper#SIZE */
    public static Object size(Object value) {
        return Helper.SIZE.apply(new Object[] {value});
    }

    /** @see Helper#LOWER */
    public static Object lower(Object value) {
        return Helper.LOWER.apply(new Object[] {value});
    }

    /** @see Helper#UPPER */
    public static Object upper(Object value) {
        return Helper.UPPER.apply(new Object[] {value});
    }

    /** @see Helper#STARTS_WITH */
    public static Object startsWith(Object text, Object affix) {
        return Helper.STARTS_WITH.apply(new Object[] {text, affix});
    }

    /** @see Helper#ENDS_WITH */
    public static Object endsWith(Object text, Object affix) {
        return Helper.ENDS_WITH.apply(new Object[] {text, affix});
    }
}
