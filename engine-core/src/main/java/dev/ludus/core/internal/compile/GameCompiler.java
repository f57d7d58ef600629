package dev.ludus.core.internal.compile;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.GameInfo;
import dev.ludus.api.spi.Action;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.CatalogKind;
import dev.ludus.api.spi.CompileContext;
import dev.ludus.api.spi.Condition;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.api.spi.ConfigNode;
import dev.ludus.core.internal.action.BuiltinActions;
import dev.ludus.core.internal.condition.BuiltinConditions;
import dev.ludus.core.internal.condition.HistoryConditions;
import dev.ludus.core.internal.condition.PropertyPath;
import dev.ludus.core.internal.expression.Expressions;
import dev.ludus.core.internal.state.Catalog;
import dev.ludus.core.internal.state.LevelCurve;
import dev.ludus.core.internal.util.JsonValues;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import dev.ludus.core.internal.history.Aggregate;
import dev.ludus.core.internal.history.CalendarUnit;
import dev.ludus.core.internal.history.HistorySupport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a game document into a {@link CompiledGame}, collecting every error it finds. Thread-safe:
 * each call works on its own state.
 */
public final class GameCompiler {
    static final int MAX_LEVEL_LIMIT = 10_000;
    private static final String COOLDOWN = "cooldown";
    /** Marks limits that failed to compile (distinct from {@code null}: no limits). */
    private static final Limits BAD_LIMITS = new Limits(null, 0, 0, null, null);
    private static final Set<String> STATUSES = Set.of("published", "draft", "testing", "archived");
    static final Comparator<CompiledRule> RUN_ORDER =
            Comparator.comparingLong(CompiledRule::priority).thenComparingInt(CompiledRule::index);

    /** Values tracked per player and {@code distinct_count} aggregate unless configured (SPEC 4.2). */
    public static final int DEFAULT_MAX_DISTINCT_VALUES = 10_000;
    /** An ISO-8601 duration in weeks, which {@link Duration#parse} does not read: its sign and its number. */
    private static final Pattern WEEKS = Pattern.compile("([-+]?)[Pp]([-+]?[0-9]+)[Ww]");

    private final int maxDistinctValues;
    private final TypeRegistry<ConditionType> conditionTypes;
    private final TypeRegistry<ActionType> actionTypes;

    /**
     * @return {@code text} as a rule cooldown (SPEC 4.4)
     * @throws DateTimeParseException unless it is a duration {@link Duration#parse} reads, or a number of weeks
     *                                ({@code P1W}, 7 days each; years and months have no fixed length)
     */
    public static Duration cooldown(String text) {
        Matcher weeks = WEEKS.matcher(text);
        if (!weeks.matches()) {
            return Duration.parse(text);
        }
        try {
            long days = Math.multiplyExact(Long.parseLong(weeks.group(2)), 7);
            return Duration.ofDays(weeks.group(1).equals("-") ? -days : days);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DateTimeParseException("weeks beyond what a duration holds", text, 0, e);
        }
    }

    /**
     * @param expressions compiles rule expressions under the engine's policy
     * @throws IllegalStateException when a custom type's name clashes with another type's
     */
    public GameCompiler(List<ConditionType> customConditions, List<ActionType> customActions,
                        Expressions expressions) {
        this(customConditions, customActions, expressions, DEFAULT_MAX_DISTINCT_VALUES);
    }

    /**
     * @param maxDistinctValues how many values each {@code distinct_count} aggregate tracks per player
     * @throws IllegalStateException when a custom type's name clashes with another type's
     */
    public GameCompiler(List<ConditionType> customConditions, List<ActionType> customActions,
                        Expressions expressions, int maxDistinctValues) {
        this.maxDistinctValues = maxDistinctValues;
        List<ConditionType> conditions = new ArrayList<>(BuiltinConditions.all(expressions));
        conditions.addAll(customConditions);
        List<ActionType> actions = new ArrayList<>(BuiltinActions.all(expressions));
        actions.addAll(customActions);
        this.conditionTypes = new TypeRegistry<>("condition", conditions, ConditionType::name, ConditionType::aliases);
        this.actionTypes = new TypeRegistry<>("action", actions, ActionType::name, ActionType::aliases);
    }

    /**
     * @return the compiled game
     * @throws GameCompileException with every error found
     */
    public CompiledGame compile(String json) {
        IdentityHashMap<Object, String> rounded = new IdentityHashMap<>();
        Object root = GameJson.parse(json, rounded);
        Compilation compilation = new Compilation(rounded);
        CompiledGame game = compilation.run(root);
        if (compilation.errors.count() > 0) {
            throw new GameCompileException(compilation.errors.list());
        }
        return game;
    }

    /** The state of one compile. */
    private final class Compilation implements CompileContext, HistorySupport, PropertyPath.Registry {
        final Errors errors;
        private final Map<String, PropertyPath> paths = new HashMap<>();
        private final Map<String, Aggregate> aggregates = new LinkedHashMap<>();
        private List<String> currentTrigger = List.of("*");
        private Duration conditionCooldown;
        private Map<String, Object> currencyIds;
        private Map<String, Object> badgeIds;
        private Map<String, Object> questIds;

        Compilation(IdentityHashMap<Object, String> rounded) {
            errors = new Errors(rounded);
        }

        CompiledGame run(Object root) {
            Node document;
            if (root instanceof List<?>) {
                document = new Node(Map.of("rules", root), "", null, errors);
            } else {
                document = Node.of(root, "", null, errors, "a game document or an array of rules");
                if (document == null) {
                    return null;
                }
            }
            document.optionalString("$schema", null); // for editors (docs/schema.md); no meaning here
            String id = document.optionalString("id", null);
            String version = document.optionalString("version", null);
            document.optionalString("name", null);
            document.optionalString("description", null);

            List<ConfigNode> currencyNodes = section(document, "currencies");
            List<ConfigNode> badgeNodes = section(document, "badges");
            List<ConfigNode> questNodes = section(document, "quests");
            // Each entry's id is read (and a bad one reported) once, here; the sections below take it from these.
            List<String> currencyIdOf = idOf(currencyNodes);
            List<String> badgeIdOf = idOf(badgeNodes);
            List<String> questIdOf = idOf(questNodes);
            currencyIds = ids(currencyNodes, currencyIdOf, "currency");
            badgeIds = ids(badgeNodes, badgeIdOf, "badge");
            questIds = ids(questNodes, questIdOf, "quest");

            Map<String, Catalog.Currency> currencies = currencies(currencyNodes, currencyIdOf);
            Map<String, Catalog.Badge> badges = badges(badgeNodes, badgeIdOf);
            Map<String, Catalog.Quest> quests = quests(questNodes, questIdOf);

            LevelCurve curve = LevelCurve.exponential(100, 2.0, 100);
            Map<Integer, List<CompiledAction>> levelRewards = Map.of();
            if (document.has("levels")) {
                Node levels = document.object("levels");
                if (levels != null) {
                    curve = levelCurve(levels);
                    levelRewards = levelRewards(levels, curve);
                    levels.reportUnknownFields("levels");
                }
            }

            List<CompiledRule> rules = rules(document);
            document.reportUnknownFields("the game document");
            if (errors.count() > 0) {
                return null;
            }
            Catalog catalog = new Catalog(curve, levelRewards, currencies, badges, quests);
            GameInfo info = new GameInfo(id, version == null ? contentHash(root) : version,
                    rules.stream().map(CompiledRule::id).toList(), keys(currencies), keys(badges), keys(quests),
                    curve.maxLevel());
            return index(info, catalog, rules, aggregates.values(), paths);
        }

        private List<ConfigNode> section(Node document, String field) {
            return document.has(field) ? document.objects(field) : null;
        }

        /**
         * Reads each entry's {@code id}, reporting a missing or bad one; {@code null} when the section is absent.
         *
         * @return the ids in the entries' order, {@code null} where an entry has none
         */
        private List<String> idOf(List<ConfigNode> nodes) {
            if (nodes == null) {
                return null;
            }
            List<String> ids = new ArrayList<>(nodes.size());
            for (ConfigNode node : nodes) {
                ids.add(node.string("id"));
            }
            return ids;
        }

        /** Collects declared ids, reporting duplicates; {@code null} when the section is absent. */
        private Map<String, Object> ids(List<ConfigNode> nodes, List<String> idOf, String what) {
            if (nodes == null) {
                return null;
            }
            Map<String, Object> ids = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                ConfigNode node = nodes.get(i);
                String id = idOf.get(i);
                if (id != null && ids.putIfAbsent(id, node.pointer()) != null) {
                    node.error("id", "duplicate " + what + " id '" + JsonValues.printable(id) + "' (first declared at "
                            + ids.get(id) + ")");
                }
            }
            return ids;
        }

        private Map<String, Catalog.Currency> currencies(List<ConfigNode> nodes, List<String> idOf) {
            if (nodes == null) {
                return null;
            }
            Map<String, Catalog.Currency> currencies = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                ConfigNode node = nodes.get(i);
                String id = idOf.get(i);
                String name = node.optionalString("name", id);
                node.optionalString("description", null);
                long max = node.optionalWholeNumber("max", Long.MAX_VALUE);
                if (max < 0) {
                    node.error("max", "expected a whole number >= 0, found " + max);
                }
                ((Node) node).reportUnknownFields("a currency");
                if (id != null) {
                    currencies.putIfAbsent(id, new Catalog.Currency(id, name, max));
                }
            }
            return currencies;
        }

        private Map<String, Catalog.Badge> badges(List<ConfigNode> nodes, List<String> idOf) {
            if (nodes == null) {
                return null;
            }
            Map<String, Catalog.Badge> badges = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                ConfigNode node = nodes.get(i);
                String id = idOf.get(i);
                String name = node.optionalString("name", id);
                node.optionalString("description", null);
                node.optionalString("imageUrl", null);
                ((Node) node).reportUnknownFields("a badge");
                if (id != null) {
                    badges.putIfAbsent(id, new Catalog.Badge(id, name));
                }
            }
            return badges;
        }

        private Map<String, Catalog.Quest> quests(List<ConfigNode> nodes, List<String> idOf) {
            if (nodes == null) {
                return null;
            }
            Map<String, Catalog.Quest> quests = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                ConfigNode node = nodes.get(i);
                String id = idOf.get(i);
                String name = node.optionalString("name", id);
                node.optionalString("description", null);
                Long target = node.wholeNumber("target");
                if (target != null && target < 1) {
                    node.error("target", "expected a whole number >= 1, found " + target);
                    target = null;
                }
                boolean repeatable = node.optionalBoolean("repeatable", false);
                List<CompiledAction> rewards = node.has("rewards") ? actions((Node) node, "rewards") : List.of();
                ((Node) node).reportUnknownFields("a quest");
                if (id != null && target != null && rewards != null) {
                    quests.putIfAbsent(id, new Catalog.Quest(id, name, target, repeatable, rewards));
                }
            }
            return quests;
        }

        private LevelCurve levelCurve(Node levels) {
            String curve = levels.optionalString("curve", "exponential");
            if (curve == null) {
                return LevelCurve.exponential(100, 2.0, 100);
            }
            switch (curve) {
                case "table" -> {
                    return table(levels);
                }
                case "linear" -> {
                    long baseXp = positive(levels, "baseXp", 100);
                    return LevelCurve.linear(baseXp, maxLevel(levels));
                }
                case "exponential" -> {
                    long baseXp = positive(levels, "baseXp", 100);
                    double factor = 2.0;
                    if (levels.has("factor")) {
                        Number f = levels.number("factor");
                        if (f != null && f.doubleValue() > 0) {
                            factor = f.doubleValue();
                        } else if (f != null) {
                            levels.error("factor", "expected a number > 0, found " + f);
                        }
                    }
                    LevelCurve exponential = LevelCurve.exponential(baseXp, factor, maxLevel(levels));
                    int flat = exponential.firstLevelWithoutOwnXp();
                    if (flat > 0) {
                        // as a table's thresholds must increase: two levels at the same XP are reached together
                        levels.error(levels.has("factor") ? "factor" : "baseXp", "with baseXp " + baseXp
                                + " and factor " + factor + " the step to level " + flat + " rounds to 0 XP, so levels "
                                + (flat - 1) + " and " + flat + " would start at the same XP; use a larger factor or "
                                + "baseXp, or a maxLevel of at most " + (flat - 1));
                    }
                    return exponential;
                }
                default -> {
                    levels.error("curve", "unknown level curve '" + JsonValues.printable(curve)
                            + "'; known: exponential, linear, table");
                    return LevelCurve.exponential(100, 2.0, 100);
                }
            }
        }

        private LevelCurve table(Node levels) {
            List<Object> values = levels.list("thresholds");
            if (values == null) {
                return LevelCurve.exponential(100, 2.0, 100);
            }
            String pointer = Node.child(levels.pointer(), "thresholds");
            long[] thresholds = new long[values.size()];
            boolean ok = !values.isEmpty();
            if (!ok) {
                levels.error("thresholds", "expected at least one threshold (0 for level 1)");
            }
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                String at = Node.child(pointer, i);
                Long l = Node.whole(v);
                if (l == null) {
                    errors.add(at, null, ErrorCode.INVALID_RULE, errors.notWhole(v));
                    ok = false;
                    continue;
                }
                thresholds[i] = l;
                if (i == 0 && l != 0) {
                    errors.add(at, null, ErrorCode.INVALID_RULE, "the first threshold (level 1) must be 0, found " + l);
                    ok = false;
                } else if (i > 0 && l <= thresholds[i - 1]) {
                    errors.add(at, null, ErrorCode.INVALID_RULE, "thresholds must be strictly increasing: "
                            + l + " follows " + thresholds[i - 1]);
                    ok = false;
                }
            }
            if (values.size() > MAX_LEVEL_LIMIT) {
                levels.error("thresholds", "at most " + MAX_LEVEL_LIMIT + " levels are supported, found " + values.size());
                ok = false;
            }
            return ok ? LevelCurve.table(thresholds) : LevelCurve.exponential(100, 2.0, 100);
        }

        private int maxLevel(Node levels) {
            long max = levels.optionalWholeNumber("maxLevel", 100);
            if (max < 1 || max > MAX_LEVEL_LIMIT) {
                levels.error("maxLevel", "expected a whole number from 1 to " + MAX_LEVEL_LIMIT + ", found " + max);
                return 100;
            }
            return (int) max;
        }

        private long positive(Node node, String field, long defaultValue) {
            long value = node.optionalWholeNumber(field, defaultValue);
            if (value < 1) {
                node.error(field, "expected a whole number >= 1, found " + value);
                return defaultValue;
            }
            return value;
        }

        private Map<Integer, List<CompiledAction>> levelRewards(Node levels, LevelCurve curve) {
            if (!levels.has("rewards")) {
                return Map.of();
            }
            Node rewards = levels.object("rewards");
            if (rewards == null) {
                return Map.of();
            }
            Map<Integer, List<CompiledAction>> byLevel = new TreeMap<>();
            for (String key : rewards.asMap().keySet()) {
                int level = levelKey(key);
                if (level < 2 || level > curve.maxLevel()) {
                    rewards.error(key, "expected a level from 2 to " + curve.maxLevel() + " as the key, found '"
                            + JsonValues.printable(key) + "'");
                    rewards.has(key);
                    continue;
                }
                if (!key.equals(Integer.toString(level))) {
                    // "2" and "02" would name the same level and one would silently replace the other
                    rewards.error(key, "expected the level as a plain number, found '" + JsonValues.printable(key)
                            + "': write '" + level + "' (no sign or leading zeros)");
                    rewards.has(key);
                    continue;
                }
                List<CompiledAction> actions = actions(rewards, key);
                if (actions != null) {
                    byLevel.put(level, actions);
                }
            }
            return byLevel;
        }

        /** @return the level a key of ASCII digits (optionally signed with '+') names, or -1 */
        private int levelKey(String key) {
            String digits = key.startsWith("+") ? key.substring(1) : key;
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            return Integer.parseInt(digits);
        }

        private List<CompiledRule> rules(Node document) {
            if (!document.has("rules")) {
                return List.of();
            }
            List<Object> values = document.list("rules");
            if (values == null) {
                return List.of();
            }
            List<CompiledRule> rules = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                String pointer = Node.child("/rules", i);
                Node node = Node.of(values.get(i), pointer, null, errors, "a rule");
                if (node == null) {
                    continue;
                }
                String id = ruleId(node.asMap());
                if (id != null && seen.putIfAbsent(id, pointer) != null) {
                    errors.add(node.asMap().containsKey("id") ? Node.child(pointer, "id") : pointer, id,
                            ErrorCode.INVALID_RULE, "duplicate rule id '" + JsonValues.printable(id) + "' (also "
                                    + seen.get(id) + ")");
                }
                CompiledRule rule = rule(node.withRuleId(id), i);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            return rules;
        }

        private CompiledRule rule(Node node, int index) {
            String name = node.string("name");
            String id = node.has("id") ? node.string("id") : name == null ? null : slug(name);
            if (id != null && id.isEmpty()) {
                node.error("name", "cannot derive a rule id from name '" + JsonValues.printable(name)
                        + "': give an explicit 'id'");
            }
            int control = id == null ? -1 : JsonValues.controlCharacterIndex(id);
            if (control >= 0) {
                // results, explain traces and CLI lines name rules by id: one that breaks a line is refused
                node.error("id", "rule id '" + JsonValues.printable(id) + "' contains a control character at index "
                        + control + "; give an id without control characters");
                id = null;
            }
            node.optionalString("description", null);
            String status = node.optionalString("status", "published");
            if (status != null && !STATUSES.contains(status)) {
                node.error("status", "unknown status '" + JsonValues.printable(status)
                        + "'; known: archived, draft, published, testing");
            }
            boolean enabled = enabled(node);
            long priority = node.optionalWholeNumber("priority", 100);
            Instant from = instant(node, "activeFrom");
            Instant until = instant(node, "activeUntil");
            if (from != null && until != null && !from.isBefore(until)) {
                node.error("activeUntil", "activeUntil " + until + " must be after activeFrom " + from);
            }
            boolean stop = node.optionalBoolean("stopProcessing", false);
            List<String> trigger = trigger(node);
            currentTrigger = trigger == null ? List.of() : trigger;
            conditionCooldown = null;
            List<CompiledCondition> conditions = node.has("conditions") ? conditions(node) : List.of();
            List<CompiledAction> actions = actions(node, "actions");
            Limits limits = limits(node);
            node.reportUnknownFields("a rule");
            if (name == null || id == null || id.isEmpty() || trigger == null || conditions == null || actions == null
                    || limits == BAD_LIMITS) {
                return null;
            }
            return new CompiledRule(id, index, priority, status, enabled, from, until, stop, trigger, conditions,
                    actions, limits, node.pointer());
        }

        /** @return the rule's limits, {@code null} when it has none, {@link #BAD_LIMITS} after an error */
        private Limits limits(Node rule) {
            Duration cooldown = conditionCooldown;
            long maxPerPlayer = 0;
            long maxPerPeriod = 0;
            CalendarUnit period = null;
            ZoneId zone = null;
            int before = errors.count();
            if (rule.has("limits")) {
                Node limits = rule.object("limits");
                if (limits == null) {
                    return BAD_LIMITS;
                }
                if (limits.has("cooldown")) {
                    String text = limits.string("cooldown");
                    if (conditionCooldown != null) {
                        limits.error("cooldown", "the rule already has a 'cooldown' condition: give the cooldown once");
                    } else if (text != null) {
                        cooldown = duration(limits, text);
                    }
                }
                if (limits.has("maxPerPlayer")) {
                    maxPerPlayer = atLeastOne(limits, "maxPerPlayer");
                }
                if (limits.has("maxPerPeriod")) {
                    Node perPeriod = limits.object("maxPerPeriod");
                    if (perPeriod != null) {
                        maxPerPeriod = atLeastOne(perPeriod, "count");
                        String unit = perPeriod.string("period");
                        period = unit == null ? null : CalendarUnit.parse(unit);
                        if (unit != null && period == null) {
                            perPeriod.error("period", "unknown period '" + JsonValues.printable(unit)
                                    + "'; known: day, hour, month, week, year");
                        }
                        zone = HistoryConditions.zone(perPeriod);
                    }
                }
                limits.reportUnknownFields("'limits'");
            }
            if (errors.count() > before) {
                return BAD_LIMITS;
            }
            return cooldown == null && maxPerPlayer == 0 && maxPerPeriod == 0 ? null
                    : new Limits(cooldown, maxPerPlayer, maxPerPeriod, period, zone);
        }

        private Duration duration(Node node, String text) {
            try {
                Duration d = cooldown(text);
                if (d.isNegative() || d.isZero()) {
                    node.error("cooldown", "expected a positive duration, found " + text);
                    return null;
                }
                return d;
            } catch (DateTimeParseException e) {
                node.error("cooldown", "expected an ISO-8601 duration such as PT1H, P1D or P1W, found \""
                        + JsonValues.printable(text) + "\"");
                return null;
            }
        }

        private long atLeastOne(Node node, String field) {
            Long value = node.wholeNumber(field);
            if (value != null && value < 1) {
                node.error(field, "expected a whole number >= 1, found " + value);
            }
            return value == null || value < 1 ? 0 : value;
        }

        @Override
        public PropertyPath path(String text) {
            PropertyPath known = paths.get(text);
            if (known == null) {
                known = PropertyPath.parse(text).withSlot(paths.size());
                paths.put(text, known);
            }
            return known;
        }

        @Override
        public int maxDistinctValues() {
            return maxDistinctValues;
        }

        @Override
        public List<String> triggerTypes() {
            return currentTrigger;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A extends Aggregate> A aggregate(A candidate) {
            return (A) aggregates.computeIfAbsent(candidate.key(), k -> candidate);
        }

        private boolean enabled(Node node) {
            boolean hasEnabled = node.has("enabled");
            boolean hasAlias = node.has("isActive");
            boolean enabled = node.optionalBoolean("enabled", true);
            boolean active = node.optionalBoolean("isActive", true);
            if (hasEnabled && hasAlias && enabled != active) {
                node.error("isActive", "'enabled' is " + enabled + " but its alias 'isActive' is " + active);
            }
            return enabled && active;
        }

        private Instant instant(Node node, String field) {
            if (!node.has(field)) {
                return null;
            }
            String text = node.string(field);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                node.error(field, "expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, found \""
                        + JsonValues.printable(text) + "\"");
                return null;
            }
        }

        /**
         * @return the trigger's event types ({@code "*"} for every event), or {@code null} after an error. Besides
         *         the object forms, {@code "trigger": "*"} and {@code "trigger": "<event type>"} (SPEC 4.1 names
         *         {@code "*"} beside the object's fields, and reads either way).
         */
        private List<String> trigger(Node rule) {
            Object raw = rule.has("trigger") ? rule.value("trigger") : null;
            if (raw instanceof String type) {
                if (type.isBlank()) {
                    rule.error("trigger", "expected an event type or \"*\", found a blank string");
                    return null;
                }
                return List.of(type);
            }
            if (rule.has("trigger") && !(raw instanceof Map)) {
                rule.error("trigger", "expected an object such as {\"eventType\": \"lesson_completed\"}, or an event "
                        + "type, found " + JsonValues.describe(raw));
                return null;
            }
            Node trigger = rule.object("trigger");
            if (trigger == null) {
                return null;
            }
            List<String> types = new ArrayList<>();
            int given = 0;
            for (String field : List.of("eventType", "event")) {
                if (trigger.has(field)) {
                    given++;
                    String type = trigger.string(field);
                    if (type != null) {
                        types.add(type);
                    }
                }
            }
            if (trigger.has("eventTypes")) {
                given++;
                List<Object> list = trigger.list("eventTypes");
                if (list != null && list.isEmpty()) {
                    trigger.error("eventTypes", "expected at least one event type");
                }
                for (int i = 0; list != null && i < list.size(); i++) {
                    String at = Node.child(Node.child(trigger.pointer(), "eventTypes"), i);
                    if (!(list.get(i) instanceof String s && !s.isBlank())) {
                        errors.add(at, trigger.ruleId(), ErrorCode.INVALID_RULE,
                                "expected a non-blank string, found " + JsonValues.describe(list.get(i)));
                    } else {
                        types.add(s);
                    }
                }
            }
            trigger.reportUnknownFields("a trigger");
            if (given != 1) {
                trigger.error(null, given == 0
                        ? "expected one of 'eventType', 'eventTypes' or 'event' (\"*\" for every event)"
                        : "give only one of 'eventType', 'eventTypes' or 'event'");
                return null;
            }
            return types.isEmpty() ? null : types.contains("*") ? List.of("*") : List.copyOf(new LinkedHashSet<>(types));
        }

        private List<CompiledCondition> conditions(Node rule) {
            int before = errors.count();
            List<ConfigNode> nodes = rule.objects("conditions");
            if (nodes == null) {
                return null;
            }
            List<CompiledCondition> conditions = new ArrayList<>(nodes.size());
            boolean ok = errors.count() == before; // no element was left out for not being an object
            for (ConfigNode node : nodes) {
                if (COOLDOWN.equalsIgnoreCase(String.valueOf(node.asMap().get("type")))) {
                    ok &= cooldownCondition((Node) node);
                    continue;
                }
                Condition condition = compileCondition(node);
                ok &= condition != null;
                if (condition != null) {
                    ConditionType type = conditionTypes.find((String) node.asMap().get("type"));
                    conditions.add(new CompiledCondition(type.name(), node.pointer(), node.asMap(), condition));
                }
            }
            return ok ? conditions : null;
        }

        /** The EngageFabric {@code cooldown {minutes}} condition: the rule's cooldown limit in another spelling. */
        private boolean cooldownCondition(Node node) {
            node.string("type");
            Long minutes = node.wholeNumber("minutes");
            node.reportUnknownFields("condition 'cooldown'");
            // The longest a Duration holds: Long.MAX_VALUE seconds.
            long most = Long.MAX_VALUE / 60;
            if (minutes != null && (minutes < 1 || minutes > most)) {
                node.error("minutes", (minutes < 1 ? "expected a whole number >= 1" : "expected at most " + most
                        + " minutes") + ", found " + minutes);
                return false;
            }
            if (minutes != null && conditionCooldown != null) {
                node.error(null, "the rule has more than one 'cooldown' condition");
                return false;
            }
            conditionCooldown = minutes == null ? null : Duration.ofMinutes(minutes);
            return minutes != null;
        }

        @Override
        public Condition compileCondition(ConfigNode config) {
            Node node = (Node) config;
            String type = node.string("type");
            ConditionType conditionType = type == null ? null : conditionTypes.find(type);
            if (conditionType == null) {
                node.skipUnknownFields();
                if (type != null && COOLDOWN.equalsIgnoreCase(type)) {
                    node.error("type", "'cooldown' is a rule limit: use it as a top-level condition or in 'limits'");
                } else if (type != null) {
                    node.error("type", "unknown condition type '" + JsonValues.printable(type) + "'; known: "
                            + conditionTypes.known());
                }
                return null;
            }
            Condition condition = compileSafely(node, () -> conditionType.compile(node, this));
            node.reportUnknownFields("condition '" + conditionType.name() + "'");
            return condition;
        }

        /** @return the compiled actions of an array field, or {@code null} after an error */
        private List<CompiledAction> actions(Node owner, String field) {
            int before = errors.count();
            List<ConfigNode> nodes = owner.objects(field);
            if (nodes == null) {
                return null;
            }
            List<CompiledAction> actions = new ArrayList<>(nodes.size());
            boolean ok = errors.count() == before; // no element was left out for not being an object
            for (ConfigNode config : nodes) {
                Node node = (Node) config;
                String type = node.string("type");
                ActionType actionType = type == null ? null : actionTypes.find(type);
                if (actionType == null) {
                    node.skipUnknownFields();
                }
                if (type != null && actionType == null) {
                    node.error("type", "unknown action type '" + JsonValues.printable(type) + "'; known: "
                            + actionTypes.known());
                }
                Action action = actionType == null ? null : compileSafely(node, () -> actionType.compile(node, this));
                if (actionType != null) {
                    node.reportUnknownFields("action '" + actionType.name() + "'");
                }
                ok &= action != null;
                if (action != null) {
                    actions.add(new CompiledAction(actionType.name().toLowerCase(Locale.ROOT), action, node.pointer()));
                }
            }
            return ok ? List.copyOf(actions) : null;
        }

        /** Runs an extension's compile; a throwing extension becomes a compile error, not a crash. */
        private <T> T compileSafely(Node node, java.util.function.Supplier<T> compile) {
            int before = errors.count();
            T result;
            try {
                result = compile.get();
            } catch (RuntimeException e) {
                node.error(null, "type compiler failed: " + e);
                return null;
            }
            if (result == null && errors.count() == before) {
                node.error(null, "type compiler returned nothing and reported no error");
            }
            return errors.count() == before ? result : null;
        }

        @Override
        public String reference(CatalogKind kind, ConfigNode config, String field) {
            String id = config.string(field);
            Map<String, Object> declared = switch (kind) {
                case CURRENCY -> currencyIds;
                case BADGE -> badgeIds;
                case QUEST -> questIds;
            };
            if (id == null || declared == null || declared.containsKey(id)) {
                return id;
            }
            String what = kind.name().toLowerCase(Locale.ROOT);
            config.error(field, "unknown " + what + " '" + JsonValues.printable(id) + "'; known: "
                    + (declared.isEmpty() ? "(none declared)"
                            : JsonValues.printable(String.join(", ", new java.util.TreeSet<>(declared.keySet())))));
            return null;
        }
    }

    private static CompiledGame index(GameInfo info, Catalog catalog, List<CompiledRule> rules,
                                      Collection<Aggregate> aggregates, Map<String, PropertyPath> paths) {
        List<CompiledRule> wildcard = new ArrayList<>();
        Map<String, List<CompiledRule>> byType = new HashMap<>();
        for (CompiledRule rule : rules) {
            if (!rule.live()) {
                continue;
            }
            if (rule.eventTypes().contains("*")) {
                wildcard.add(rule);
            } else {
                for (String type : rule.eventTypes()) {
                    byType.computeIfAbsent(type, t -> new ArrayList<>()).add(rule);
                }
            }
        }
        Map<String, CompiledRule[]> explicit = new HashMap<>();
        Map<String, CandidateIndex> index = new HashMap<>();
        byType.forEach((type, list) -> {
            explicit.put(type, sorted(list));
            list.addAll(wildcard);
            index.put(type, CandidateIndex.of(list, RUN_ORDER, paths));
        });
        Map<String, Aggregate[]> aggregatesByType = new HashMap<>();
        for (Aggregate aggregate : aggregates) {
            aggregatesByType.merge(aggregate.eventType(), new Aggregate[] {aggregate}, (a, b) -> {
                Aggregate[] merged = Arrays.copyOf(a, a.length + 1);
                merged[a.length] = b[0];
                return merged;
            });
        }
        return new CompiledGame(info, catalog, rules, index, explicit, sorted(wildcard), aggregatesByType,
                paths.size());
    }

    private static CompiledRule[] sorted(List<CompiledRule> rules) {
        return rules.stream().sorted(RUN_ORDER).toArray(CompiledRule[]::new);
    }

    /** @return the id a rule object will have, for error messages: its {@code id}, else the slug of its name */
    private static String ruleId(Map<String, Object> rule) {
        if (rule.get("id") instanceof String id && !id.isBlank()) {
            return id;
        }
        if (!rule.containsKey("id") && rule.get("name") instanceof String name) {
            String slug = slug(name);
            return slug.isEmpty() ? null : slug;
        }
        return null;
    }

    /**
     * Lower case ({@link Locale#ROOT}) in NFC; Unicode letters and digits are kept, with the combining marks that
     * follow them (accents written apart, Indic vowel signs); each run of other characters becomes one '-'; no
     * leading or trailing '-'.
     */
    static String slug(String name) {
        String lower = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(lower.length());
        boolean dash = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || isMark(c) && out.length() > 0 && !dash) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.appendCodePoint(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static List<String> keys(Map<String, ?> map) {
        return map == null ? List.of() : List.copyOf(map.keySet());
    }

    /** @return a hash of the document's content, the same whatever its layout and key order */
    private static String contentHash(Object document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(GameJson.canonical(document));
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
