package dev.ludus.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.ludus.api.CompileError;
import dev.ludus.api.ErrorCode;
import dev.ludus.api.ExpressionPolicy;
import dev.ludus.api.GameCompileException;
import dev.ludus.api.spi.ActionType;
import dev.ludus.api.spi.ConditionType;
import dev.ludus.core.Ludus;
import dev.ludus.core.internal.action.BuiltinActions;
import dev.ludus.core.internal.compile.GameCompiler;
import dev.ludus.core.internal.condition.BuiltinConditions;
import dev.ludus.core.internal.expression.Expressions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code game.schema.json} and the compiler in step (issue 5): every game file in the repository passes
 * the schema, every structurally invalid game under {@code schema/invalid} is rejected by both at the same
 * place, and the checks only the compiler can make are pinned under {@code schema/compiler-only}.
 *
 * <p>The schema is validated with networknt json-schema-validator (test scope only: the engine never uses
 * the schema itself, the compiler is the authority). Format assertions are on, as in editors that check
 * {@code date-time}.
 */
class GameSchemaTest {
    private static final String SCHEMA_RESOURCE = "/dev/ludus/core/game.schema.json";
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Schema SCHEMA = REGISTRY.getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE.substring(1)));

    /** Condition types and aliases of SPEC 4.2: the contract the schema must describe, no more, no less. */
    private static final Set<String> SPEC_CONDITION_TYPES = Set.of(
            "property_eq", "property_equals", "property_neq", "property_gt", "property_greater_than", "property_gte",
            "property_lt", "property_less_than", "property_lte", "property_between", "property_in", "property_not_in",
            "property_contains", "property_exists", "property_not_exists", "property_matches",
            "player_level_eq", "player_level_equals", "player_level_gt", "player_level_greater_than",
            "player_level_gte", "player_level_lt", "player_xp_gte", "player_currency_gte", "player_has_badge",
            "player_lacks_badge", "player_quest_completed", "player_attribute_eq",
            "first_time", "event_count", "property_sum", "distinct_count", "streak", "time_window", "day_of_week",
            "all", "any", "not", "expression", "cooldown");

    /** Action types and aliases of SPEC 4.3. */
    private static final Set<String> SPEC_ACTION_TYPES = Set.of(
            "grant_xp", "grant_currency", "deduct_currency", "progress_quest", "award_badge", "grant_badge",
            "set_attribute", "emit_event", "notify");

    // ------------------------------------------------------------------------------------------ the schema file

    @Test
    void schema_isOnTheClasspathWhereTheDocsSayItIs() throws IOException {
        try (InputStream in = GameSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as(SCHEMA_RESOURCE).isNotNull();
            JsonNode schema = MAPPER.readTree(in);
            assertThat(schema.path("$schema").asString()).isEqualTo(META_SCHEMA);
        }
    }

    @Test
    void schema_isValidAgainstTheDraft202012MetaSchema() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));

        List<Error> errors = meta.validate(schemaNode());

        assertThat(errors).as("meta-schema errors").isEmpty();
    }

    @Test
    void metaSchema_whenSchemaIsBroken_reportsIt() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));

        List<Error> errors = meta.validate("{\"type\": \"strnig\", \"properties\": []}", InputFormat.JSON);

        assertThat(describe(errors)).anyMatch(e -> e.startsWith("/type")).anyMatch(e -> e.startsWith("/properties"));
    }

    @Test
    void schema_describesEveryProperty() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schemaNode(), "", undescribed);

        assertThat(undescribed).as("properties without a description (editors show it as help)").isEmpty();
    }

    /**
     * Walks every {@code properties} map except those inside {@code if} (they select a branch, editors never
     * show them); {@code false} entries forbid a field and need no help text.
     */
    private static void collectUndescribed(JsonNode node, String pointer, List<String> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndescribed(node.get(i), pointer + "/" + i, out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (var field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            String at = pointer + "/" + key;
            if (key.equals("if")) {
                continue;
            }
            if (key.equals("properties") && value.isObject()) {
                for (var property : value.properties()) {
                    if (property.getValue().isObject() && !property.getValue().has("description")) {
                        out.add(at + "/" + property.getKey());
                    }
                }
            }
            collectUndescribed(value, at, out);
        }
    }

    @Test
    void conditionTypes_areExactlyThoseOfTheSpec_andIncludeEveryCompilerType() {
        Set<String> schemaTypes = enumValues(schemaNode().at("/$defs/condition/properties/type/anyOf/0/enum"));
        Set<String> compilerTypes = new TreeSet<>();
        for (ConditionType type : BuiltinConditions.all(Expressions.of(ExpressionPolicy.SANDBOXED))) {
            compilerTypes.add(type.name());
            compilerTypes.addAll(type.aliases());
        }

        assertThat(schemaTypes).containsExactlyInAnyOrderElementsOf(SPEC_CONDITION_TYPES);
        assertThat(schemaTypes).containsAll(compilerTypes);
    }

    @Test
    void actionTypes_areExactlyThoseOfTheSpec_andIncludeEveryCompilerType() {
        Set<String> schemaTypes = enumValues(schemaNode().at("/$defs/action/properties/type/anyOf/0/enum"));
        Set<String> compilerTypes = new TreeSet<>();
        for (ActionType type : BuiltinActions.all(Expressions.of(ExpressionPolicy.SANDBOXED))) {
            compilerTypes.add(type.name().toLowerCase(Locale.ROOT));
            type.aliases().forEach(alias -> compilerTypes.add(alias.toLowerCase(Locale.ROOT)));
        }

        assertThat(schemaTypes).containsExactlyInAnyOrderElementsOf(SPEC_ACTION_TYPES);
        assertThat(schemaTypes).containsAll(compilerTypes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"property_exists", "PROPERTY_EXISTS", "Property_Exists"})
    void conditionType_inAnyLetterCase_isAcceptedByBoth(String type) {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": [],"
                + " \"conditions\": [{\"type\": \"" + type + "\", \"property\": \"score\"}]}]";

        assertThat(SCHEMA.validate(game, InputFormat.JSON)).isEmpty();
        assertThat(Ludus.builder().game(game).build()).isNotNull();
    }

    /**
     * The compiler folds case the Java way (Locale.ROOT), which maps a few non-ASCII letters to ASCII ones: the
     * Kelvin sign lower-cases to k, long s and dotless i upper-case to S and I. The schema's patterns follow.
     */
    @Test
    void caseFolding_nonAsciiLettersThatJavaFoldsToAscii_areAcceptedByBoth() {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": [],"
                + " \"conditions\": [{\"type\": \"STREA\u212a\", \"unit\": \"day\", \"min\": 2},"
                + " {\"type\": \"day_of_week\", \"days\": [\"\u017fun\", \"fr\u0131\"]}]}]";

        assertThat(describe(SCHEMA.validate(game, InputFormat.JSON))).isEmpty();
        assertThat(Ludus.builder().game(game).build()).isNotNull();
    }

    static Stream<String> conditionTypes() {
        return SPEC_CONDITION_TYPES.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionTypes")
    void condition_whenFieldIsMisspelled_isFlaggedAtThatField(String type) {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": [],"
                + " \"conditions\": [{\"type\": \"" + type.toUpperCase(Locale.ROOT) + "\", \"propertee\": \"score\"}]}]";

        assertThat(schemaPointers(SCHEMA.validate(game, InputFormat.JSON))).contains("/0/conditions/0/propertee");
    }

    static Stream<String> actionTypes() {
        return SPEC_ACTION_TYPES.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionTypes")
    void action_whenFieldIsMisspelled_isFlaggedAtThatField(String type) {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"},"
                + " \"actions\": [{\"type\": \"" + type.toUpperCase(Locale.ROOT) + "\", \"amout\": 5}]}]";

        assertThat(schemaPointers(SCHEMA.validate(game, InputFormat.JSON))).contains("/0/actions/0/amout");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"grant_xp", "GRANT_XP", "Grant_Xp", "gRaNt_xP"})
    void actionType_inAnyLetterCase_isAcceptedByBoth(String type) {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"},"
                + " \"actions\": [{\"type\": \"" + type + "\", \"amount\": 5}]}]";

        assertThat(SCHEMA.validate(game, InputFormat.JSON)).isEmpty();
        assertThat(Ludus.builder().game(game).build()).isNotNull();
    }

    // --------------------------------------------------------------------------- game files in the repository

    /**
     * The rule for "a game file": a {@code .json} file named {@code game.json} or {@code *.game.json}, or any
     * {@code .json} file in a directory named {@code games}, anywhere in the project outside build output and
     * hidden directories. A file so placed whose name starts with {@code invalid} is a deliberately broken game
     * (for error-path tests) and is instead required not to compile, so the exclusion cannot hide a good game.
     */
    static boolean isGameFile(Path relative) {
        String name = relative.getFileName().toString();
        if (!name.endsWith(".json")) {
            return false;
        }
        Path parent = relative.getParent();
        boolean inGames = parent != null && parent.getFileName().toString().equals("games");
        return name.equals("game.json") || name.endsWith(".game.json") || inGames;
    }

    static boolean isDeliberatelyInvalid(Path relative) {
        return relative.getFileName().toString().startsWith("invalid");
    }

    static Stream<Path> repositoryGames() {
        return repositoryGameFiles().stream().filter(p -> !isDeliberatelyInvalid(p));
    }

    static Stream<Path> deliberatelyInvalidRepositoryGames() {
        return repositoryGameFiles().stream().filter(GameSchemaTest::isDeliberatelyInvalid);
    }

    @Test
    void repositoryGames_areFound() {
        assertThat(repositoryGames()).as("game files found from " + projectRoot()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repositoryGames")
    void repositoryGame_passesTheSchemaAndCompiles(Path relative) {
        String game = read(projectRoot().resolve(relative));

        assertThat(describe(SCHEMA.validate(game, InputFormat.JSON))).as("schema errors in " + relative).isEmpty();
        assertThat(Ludus.builder().game(game).build()).isNotNull();
    }

    /** Zero such files is fine: they belong to other modules' error-path tests. */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("deliberatelyInvalidRepositoryGames")
    void deliberatelyInvalidRepositoryGame_doesNotCompile(Path relative) {
        String game = read(projectRoot().resolve(relative));

        assertThat(catchThrowableOfType(GameCompileException.class, () -> Ludus.builder().game(game).build()))
                .as(relative + " is named invalid* but compiles").isNotNull();
    }

    // ------------------------------------------------------------------------------------- fixtures of this test

    static Stream<String> invalidGames() {
        return fixtures("invalid");
    }

    @Test
    void invalidGames_coverAtLeastFifteenCases() {
        assertThat(invalidGames()).hasSizeGreaterThanOrEqualTo(15);
    }

    /**
     * Both must reject the file, and at the same place: some schema error points at the value a compiler error
     * names, or inside it (the compiler names a list of days, the schema the bad day). A missing or unknown
     * field is reported by the schema at the object holding it; the field's name is appended.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGames")
    void invalidGame_isRejectedByTheSchemaAndTheCompiler_atTheSamePlace(String file) {
        String game = fixture("invalid", file);

        List<Error> schemaErrors = SCHEMA.validate(game, InputFormat.JSON);
        GameCompileException compiled = catchThrowableOfType(GameCompileException.class,
                () -> Ludus.builder().game(game).build());

        assertThat(schemaErrors).as("the schema accepts " + file).isNotEmpty();
        assertThat(compiled).as("the compiler accepts " + file).isNotNull();
        assertThat(compiled.errors()).extracting(CompileError::code).containsOnly(ErrorCode.INVALID_RULE);
        Set<String> schemaPointers = asCompilerPointers(game, schemaPointers(schemaErrors));
        List<String> compilerPointers = compiled.errors().stream().map(CompileError::pointer).toList();
        assertThat(compilerPointers)
                .as("compiler errors %s and schema errors %s point at different places",
                        compiled.errors(), describe(schemaErrors))
                .anyMatch(pointer -> schemaPointers.stream().anyMatch(at -> at.equals(pointer)
                        || !pointer.isEmpty() && at.startsWith(pointer + "/")));
    }

    static Stream<String> validGames() {
        return Stream.of("every-compiling-type.json", "history-time-limits-cascades.json", "bare-array.json",
                "table-curve.json", "linear-curve.json", "expressions.json", "history-without-bounds.json",
                "trigger-shorthand-and-weekly-cooldown.json");
    }

    @Test
    void validFixtures_areAllListedHere() {
        assertThat(fixtures("valid")).containsExactlyInAnyOrderElementsOf(validGames().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validGames")
    void validGame_passesTheSchemaAndCompiles(String file) {
        String game = fixture("valid", file);

        assertThat(describe(SCHEMA.validate(game, InputFormat.JSON))).isEmpty();
        assertThat(Ludus.builder().game(game).build()).isNotNull();
    }

    /**
     * The schema's duration pattern reads what the compiler reads ({@link Duration#parse}, and whole weeks);
     * positivity is the compiler's.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT1H", "PT30M", "P1D", "P1DT12H", "PT0.5S", "PT1.S", "pt1h", "P2dT3h4m5.000000001s",
            "PT1,5S", "+PT1H", "-PT1H", "PT-1H", "P1DT-1H", "PT0S", "P", "PT", "P1DT", "P1W", "P1M", "P1Y",
            "PT1H30", "1H", "PT1.5H", "PT1.0123456789S", " PT1H", "PT1H ", "P-T1H", "P2W", "p1w", "-P1W", "P-1W",
            "P1W1D", "PT1W", "P1.5W", "PW"})
    void cooldown_isAcceptedByTheSchema_exactlyWhenTheCompilerParsesIt(String text) {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": [],"
                + " \"limits\": {\"cooldown\": \"" + text + "\"}}]";

        assertThat(SCHEMA.validate(game, InputFormat.JSON).isEmpty())
                .isEqualTo(parses(() -> GameCompiler.cooldown(text)));
    }

    /** {@code activeFrom} is a date-time for editors and an {@link Instant#parse} for the compiler: they agree. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00.123456789Z", "2026-01-01T10:00:00+02:00",
            "2026-01-01t00:00:00z", "2026-01-01T00:00Z", "2026-01-01", "2026-13-01T00:00:00Z", "2026-01-01 00:00:00Z",
            "2026-01-01T00:00:00", "2026-06-15T12:30:60Z"})
    void activeFrom_isAcceptedByTheSchema_exactlyWhenJavaParsesIt(String text) {
        String game = "[{\"name\": \"r\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": [],"
                + " \"activeFrom\": \"" + text + "\"}]";

        assertThat(SCHEMA.validate(game, InputFormat.JSON).isEmpty()).isEqualTo(parses(() -> Instant.parse(text)));
    }

    /** A rule without an id takes the slug of its name: the schema knows which names leave a slug. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Lesson reward", "7 days", "!!!", "  --  ", "\u00e9t\u00e9", "\u65e5\u672c", "\u0130", "\u212a", "\u0661", "\ud83c\udf89", "\u2605 \u0301"})
    void ruleWithoutId_isAcceptedByTheSchema_exactlyWhenItsNameGivesAnId(String name) {
        String game = "[{\"name\": \"" + name + "\", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]";

        boolean compiles = catchThrowableOfType(GameCompileException.class, () -> Ludus.builder().game(game).build()) == null;

        assertThat(SCHEMA.validate(game, InputFormat.JSON).isEmpty()).isEqualTo(compiles);
    }

    /** "Non-blank" is {@link String#isBlank}: the schema spells out Java's whitespace, which {@code \\S} does not. */
    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", " ", "\t\n\r", "\u000b\u000c", "\u001c\u001f", "\u2003\u3000", "\u2028",
            "\u00a0", "\u2007", "\u202f", "\ufeff", "\u0085", "a", " a "})
    void name_isAcceptedByTheSchema_exactlyWhenTheCompilerDoesNotFindItBlank(String name) {
        String game = "[{\"id\": \"r\", \"name\": " + MAPPER.writeValueAsString(name)
                + ", \"trigger\": {\"eventType\": \"e\"}, \"actions\": []}]";

        boolean compiles = catchThrowableOfType(GameCompileException.class, () -> Ludus.builder().game(game).build()) == null;

        assertThat(compiles).isEqualTo(!name.isBlank());
        assertThat(SCHEMA.validate(game, InputFormat.JSON).isEmpty()).isEqualTo(compiles);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * What only the compiler can check: references, uniqueness, regex syntax, time zones, relations between
     * values, duplicate keys. Each file is well-formed for the schema, and the compiler refuses it with exactly
     * one error: at this pointer, with this in its message.
     */
    static Stream<Arguments> compilerOnlyChecks() {
        return Stream.of(
                arguments("duplicate-rule-ids.json", "/rules/1/id", "duplicate rule id 'lesson-reward'"),
                arguments("duplicate-badge-ids.json", "/badges/1/id", "duplicate badge id 'first-lesson'"),
                arguments("unknown-currency-reference.json", "/rules/0/actions/0/currency",
                        "unknown currency 'gems'; known: coins"),
                arguments("unknown-quest-reference.json", "/rules/0/conditions/0/questId",
                        "unknown quest 'ten-lessons'; known: five-lessons"),
                arguments("invalid-regex.json", "/rules/0/conditions/0/pattern", "not a valid Java regular expression"),
                arguments("thresholds-not-increasing.json", "/levels/thresholds/2", "thresholds must be strictly increasing"),
                arguments("between-min-above-max.json", "/rules/0/conditions/0/min", "min 90 is greater than max 10"),
                arguments("active-until-before-from.json", "/rules/0/activeUntil", "must be after activeFrom"),
                arguments("level-reward-above-max-level.json", "/levels/rewards/11", "expected a level from 2 to 10"),
                arguments("enabled-and-is-active-disagree.json", "/rules/0/isActive",
                        "'enabled' is true but its alias 'isActive' is false"),
                arguments("duplicate-json-key.json", "/rules/0/id", "Duplicate Object property \"id\""),
                arguments("history-condition-on-every-event.json", "/rules/0/conditions/0",
                        "'eventType' is required when the rule triggers on every event"),
                arguments("time-window-empty.json", "/rules/0/conditions/0/endHour", "the window would be empty"),
                arguments("unknown-time-zone.json", "/rules/0/limits/maxPerPeriod/timezone",
                        "unknown time zone 'Mars/Olympus'"),
                arguments("zero-cooldown.json", "/rules/0/limits/cooldown", "expected a positive duration, found PT0S"),
                arguments("cooldown-condition-and-limit.json", "/rules/0/limits/cooldown",
                        "the rule already has a 'cooldown' condition"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilerOnlyChecks")
    void compilerOnlyCheck_passesTheSchema_andTheCompilerRejectsIt(String file, String pointer, String message) {
        String game = fixture("compiler-only", file);

        GameCompileException compiled = catchThrowableOfType(GameCompileException.class,
                () -> Ludus.builder().game(game).build());

        assertThat(describe(SCHEMA.validate(game, InputFormat.JSON))).isEmpty();
        assertThat(compiled).as("the compiler accepts " + file).isNotNull();
        assertThat(compiled.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo(pointer);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void compilerOnlyFixtures_areAllChecked() {
        assertThat(fixtures("compiler-only")).containsExactlyInAnyOrderElementsOf(
                compilerOnlyChecks().map(arguments -> (String) arguments.get()[0]).toList());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static JsonNode schemaNode() {
        try (InputStream in = GameSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> enumValues(JsonNode array) {
        assertThat(array.isArray()).as("an enum array").isTrue();
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /**
     * Where each schema error is, as a JSON pointer like the compiler's. A missing or unknown field is reported
     * by the schema at the object holding it; the field's name is appended so it lines up with the compiler.
     */
    private static Set<String> schemaPointers(List<Error> errors) {
        Set<String> pointers = new HashSet<>();
        for (Error error : errors) {
            String pointer = pointer(error.getInstanceLocation());
            pointers.add(pointer);
            if (error.getProperty() != null) {
                pointers.add(pointer + "/" + escape(error.getProperty()));
            }
        }
        return pointers;
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The compiler reads a bare array of rules as {@code {"rules": [...]}} (SPEC 3) and reports pointers into that
     * object ({@code /rules/0/...}); the schema reports pointers into the file as written ({@code /0/...}).
     */
    private static Set<String> asCompilerPointers(String game, Set<String> schemaPointers) {
        if (!MAPPER.readTree(game).isArray()) {
            return schemaPointers;
        }
        return schemaPointers.stream().map(p -> "/rules" + p).collect(Collectors.toSet());
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(e -> pointer(e.getInstanceLocation()) + " " + e.getKeyword() + ": " + e.getMessage())
                .toList();
    }

    private static Stream<String> fixtures(String directory) {
        URL url = GameSchemaTest.class.getResource("/schema/" + directory);
        assertThat(url).as("test resources /schema/" + directory).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fixture(String directory, String file) {
        try (InputStream in = GameSchemaTest.class.getResourceAsStream("/schema/" + directory + "/" + file)) {
            assertThat(in).as(directory + "/" + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding {@code mvnw}, found upwards from where the tests run (the module directory). */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root (holding mvnw) above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static List<Path> repositoryGameFiles() {
        Path root = projectRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(p -> stream(p).noneMatch(part -> part.equals("target") || part.startsWith(".")))
                    .filter(GameSchemaTest::isGameFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> stream(Path path) {
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.toString()));
        return parts.stream();
    }
}
