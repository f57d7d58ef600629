package dev.ludus.core.internal.condition;

import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConfigNode;
import java.util.List;

/** {@code all}, {@code any} and {@code not}. */
final class CompositeConditions {
    private CompositeConditions() {
    }

    static Condition all(ConfigNode config, CompileContext context) {
        Condition[] parts = parts(config, context);
        if (parts == null) {
            return null;
        }
        return ctx -> {
            for (Condition part : parts) {
                if (!part.test(ctx)) {
                    return false;
                }
            }
            return true;
        };
    }

    static Condition any(ConfigNode config, CompileContext context) {
        Condition[] parts = parts(config, context);
        if (parts == null) {
            return null;
        }
        if (parts.length == 0) {
            config.error("conditions", "'any' needs at least one condition (with none it could never hold)");
            return null;
        }
        return ctx -> {
            for (Condition part : parts) {
                if (part.test(ctx)) {
                    return true;
                }
            }
            return false;
        };
    }

    static Condition not(ConfigNode config, CompileContext context) {
        ConfigNode inner = config.object("condition");
        Condition condition = inner == null ? null : context.compileCondition(inner);
        return condition == null ? null : ctx -> !condition.test(ctx);
    }

    private static Condition[] parts(ConfigNode config, CompileContext context) {
        List<ConfigNode> nodes = config.objects("conditions");
        if (nodes == null) {
            return null;
        }
        Condition[] parts = new Condition[nodes.size()];
        // objects() leaves out (and reports) elements that are not objects; the others are still compiled
        boolean ok = nodes.size() == config.list("conditions").size();
        for (int i = 0; i < parts.length; i++) {
            parts[i] = context.compileCondition(nodes.get(i));
            ok &= parts[i] != null;
        }
        return ok ? parts : null;
    }
}
