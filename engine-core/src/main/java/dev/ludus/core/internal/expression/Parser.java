package dev.ludus.core.internal.expression;

import dev.ludus.core.internal.util.JsonValues;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for the sandbox grammar. It builds an {@link Expr} tree and is the allowlist:
 * a construct that has no rule below is refused, with its name, the moment it is met.
 *
 * <pre>
 * expression  := or ( '?' expression ':' expression )?
 * or          := and ( '||' and )*
 * and         := equality ( '&amp;&amp;' equality )*
 * equality    := comparison ( ( '==' | '!=' ) comparison )*
 * comparison  := additive ( ( '&lt;' | '&lt;=' | '&gt;' | '&gt;=' ) additive )?
 * additive    := term ( ( '+' | '-' ) term )*
 * term        := unary ( ( '*' | '/' | '%' ) unary )*
 * unary       := ( '!' | '-' ) unary | postfix
 * postfix     := primary ( '.' name | '[' expression ']' )*
 * primary     := number | string | true | false | null | name | helper '(' arguments ')' | '(' expression ')'
 * </pre>
 *
 * Names are variables. A name that starts with a capital letter is how Java and MVEL name a class
 * ({@code Runtime}, {@code java.lang.Runtime}), so it is refused wherever it is written bare; a property
 * with such a name is read with brackets ({@code properties['Score']}). The words MVEL reserves
 * ({@code new}, {@code while}, {@code def}, {@code import}…) are refused as names too.
 */
final class Parser {
    /** The longest expression accepted, in characters. */
    static final int MAX_LENGTH = 4096;
    /**
     * The deepest nesting of parentheses, brackets, calls, unary operators and ternaries accepted. Each
     * level is a dozen frames of this parser's recursion, so this bounds the stack a load takes.
     */
    static final int MAX_DEPTH = 64;
    /**
     * The deepest tree accepted, counted in nodes from the root to the deepest leaf, so that evaluation,
     * which recurses once per level, is safe on small thread stacks. Chains of binary operators and of
     * {@code .name} / {@code [index]} are built in loops into left-deep trees that {@link #MAX_DEPTH} does
     * not see: {@code a + a + … + a} within {@link #MAX_LENGTH} is 2,048 levels deep, more than a 256 KB
     * stack can evaluate. A level takes at most about 270 bytes of stack when interpreted (an index), so
     * 128 levels stay under 35 KB, a quarter of the smallest stack the JVM allows (136 KB), and a sum of
     * 128 terms still loads.
     */
    static final int MAX_TREE_DEPTH = 128;

    private static final Map<String, String> RESERVED_WORDS = Map.ofEntries(
            Map.entry("new", "'new' (object creation)"),
            Map.entry("while", "'while' loop"),
            Map.entry("for", "'for' loop"),
            Map.entry("foreach", "'foreach' loop"),
            Map.entry("do", "'do' loop"),
            Map.entry("until", "'until' loop"),
            Map.entry("def", "function definition 'def'"),
            Map.entry("function", "function definition 'function'"),
            Map.entry("import", "'import'"),
            Map.entry("import_static", "'import_static'"),
            Map.entry("class", "class reference 'class'"),
            Map.entry("if", "'if' statement"),
            Map.entry("else", "'else'"),
            Map.entry("switch", "'switch'"),
            Map.entry("return", "'return'"),
            Map.entry("var", "variable declaration 'var'"),
            Map.entry("assert", "'assert'"),
            Map.entry("with", "'with' block"),
            Map.entry("this", "'this'"),
            Map.entry("isdef", "MVEL operator 'isdef'"),
            Map.entry("instanceof", "MVEL operator 'instanceof'"),
            Map.entry("is", "MVEL operator 'is'"),
            Map.entry("contains", "MVEL operator 'contains'"),
            Map.entry("soundslike", "MVEL operator 'soundslike'"),
            Map.entry("strsim", "MVEL operator 'strsim'"),
            Map.entry("and", "MVEL word operator 'and' (write &&)"),
            Map.entry("or", "MVEL word operator 'or' (write ||)"),
            Map.entry("convertable_to", "MVEL operator 'convertable_to'"),
            Map.entry("in", "MVEL projection 'in'"),
            Map.entry("empty", "MVEL literal 'empty'"),
            Map.entry("nil", "MVEL literal 'nil' (write null)"),
            Map.entry("proto", "MVEL prototype 'proto'"));

    /** Primitive type names: {@code (int) x} is a type cast, though {@code int} alone reads a property. */
    private static final List<String> PRIMITIVE_TYPES =
            List.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    private final String source;
    private final Lexer lexer;
    private Token lookahead; // null until peeked
    private int depth;
    /** The tree depth of each node built so far; a node not in it is a leaf, depth 1. */
    private final Map<Expr, Integer> treeDepths = new IdentityHashMap<>();

    private Parser(String source) {
        this.source = source;
        this.lexer = new Lexer(source);
    }

    /**
     * @return the checked tree
     * @throws ExpressionSyntaxException when the expression is refused or does not parse
     */
    static Expr parse(String source) {
        if (source.length() > MAX_LENGTH) {
            throw ExpressionSyntaxException.of(dev.ludus.api.ErrorCode.INVALID_RULE, "expression is "
                    + source.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        Parser parser = new Parser(source);
        Expr expr = parser.expression();
        Token end = parser.peek();
        if (end.kind() != Token.Kind.END) {
            throw parser.unexpected(end, "an operator or the end of the expression");
        }
        return expr;
    }

    private Expr expression() {
        Expr condition = or();
        Token question = peek();
        if (!question.is("?")) {
            return condition;
        }
        next();
        enter(question);
        Expr then = expression();
        expect(":", "':' of the ternary operator");
        Expr otherwise = expression();
        depth--;
        return node(new Expr.Ternary(condition, then, otherwise), question, condition, then, otherwise);
    }

    private Expr or() {
        Expr left = and();
        while (peek().is("||")) {
            Token operator = next();
            Expr right = and();
            left = node(new Expr.Or(left, right), operator, left, right);
        }
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (peek().is("&&")) {
            Token operator = next();
            Expr right = equality();
            left = node(new Expr.And(left, right), operator, left, right);
        }
        return left;
    }

    private Expr equality() {
        Expr left = comparison();
        while (peek().is("==") || peek().is("!=")) {
            Token operator = next();
            Expr right = comparison();
            left = node(new Expr.Equality(operator.is("!="), left, right), operator, left, right);
        }
        return left;
    }

    private Expr comparison() {
        Expr left = additive();
        Expr.Comparator comparator = comparator(peek());
        if (comparator == null) {
            return left;
        }
        Token operator = next();
        Expr right = additive();
        Token chained = peek();
        if (comparator(chained) != null) {
            throw ExpressionSyntaxException.syntax("comparisons do not chain: write 'a < b && b < c'",
                    chained.column());
        }
        return node(new Expr.Comparison(comparator, left, right), operator, left, right);
    }

    private static Expr.Comparator comparator(Token token) {
        return token.kind() == Token.Kind.OPERATOR ? Expr.Comparator.of(token.text()) : null;
    }

    private Expr additive() {
        Expr left = term();
        while (peek().is("+") || peek().is("-")) {
            Token operator = next();
            Expr right = term();
            left = node(new Expr.Arithmetic(Expr.Operator.of(operator.text()), left, right), operator, left, right);
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            Token operator = next();
            Expr right = unary();
            left = node(new Expr.Arithmetic(Expr.Operator.of(operator.text()), left, right), operator, left, right);
        }
        return left;
    }

    private Expr unary() {
        Token token = peek();
        if (token.is("!") || token.is("-")) {
            next();
            enter(token);
            Expr operand = unary();
            depth--;
            if (token.is("-") && operand instanceof Expr.Literal literal && literal.value() instanceof Number n) {
                return new Expr.Literal(Values.negate(n));
            }
            return node(token.is("!") ? new Expr.Not(operand) : new Expr.Negate(operand), token, operand);
        }
        return postfix();
    }

    private Expr postfix() {
        int start = peek().column() - 1;
        Expr expr = primary();
        while (true) {
            Token token = peek();
            if (token.is(".")) {
                next();
                Token name = next();
                if (name.kind() != Token.Kind.IDENTIFIER) {
                    throw unexpected(name, "a property name after '.'");
                }
                String path = source.substring(start, end(name));
                if (name.text().equals("class")) {
                    throw ExpressionSyntaxException.notAllowed("class reference " + SourceText.quote(path),
                            name.column());
                }
                refuseReservedWord(name);
                if (peek().is("(")) {
                    throw ExpressionSyntaxException.notAllowed("method call '" + name.text() + "()'", name.column(),
                            "only the helpers " + Helper.known() + " may be called, as functions: lower(name)");
                }
                if (Character.isUpperCase(name.text().charAt(0))) {
                    throw ExpressionSyntaxException.notAllowed("class reference " + SourceText.quote(path), start + 1,
                            "a name starting with a capital letter reads as a Java class; write "
                                    + JsonValues.printable(source.substring(start, token.column() - 1))
                                    + "['" + name.text() + "'] for a key of that name");
                }
                expr = node(new Expr.Member(expr, name.text().intern(), path), token, expr);
            } else if (token.is("[")) {
                next();
                enter(token);
                Expr index = expression();
                Token close = expect("]", "']'");
                depth--;
                expr = node(new Expr.Index(expr, index, source.substring(start, end(close))), token, expr, index);
            } else if (token.is("(")) {
                throw ExpressionSyntaxException.notAllowed("calling the value of "
                        + SourceText.quote(source.substring(start, token.column() - 1)), token.column());
            } else {
                return expr;
            }
        }
    }

    private Expr primary() {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
            case STRING:
                return new Expr.Literal(token.value());
            case IDENTIFIER:
                return name(token);
            case OPERATOR:
                if (token.is("(")) {
                    String cast = typeCast(token);
                    if (cast != null) {
                        throw ExpressionSyntaxException.notAllowed("type cast " + SourceText.quote(cast),
                                token.column());
                    }
                    enter(token);
                    Expr inner = expression();
                    expect(")", "')'");
                    depth--;
                    return inner;
                }
                if (token.is("[")) {
                    throw ExpressionSyntaxException.notAllowed("inline list '['", token.column());
                }
                throw unexpected(token, "a value");
            default:
                throw unexpected(token, "a value");
        }
    }

    /**
     * Looks ahead from {@code open} for a type cast as Java and MVEL write it: a type in parentheses, then
     * a value ({@code (int) x}, {@code (String) x}, {@code (java.lang.Long) (x)}). A type is a primitive
     * name or a name whose last part is capitalised, maybe with {@code []}; {@code (a) b} stays a syntax
     * error and {@code (int) - x} stays a subtraction from the property {@code int}.
     *
     * @return the cast as written, without spaces ({@code (int)}), or {@code null} when it is not one
     */
    private String typeCast(Token open) {
        Lexer ahead = new Lexer(source, open.column());
        try {
            Token token = ahead.next();
            if (token.kind() != Token.Kind.IDENTIFIER) {
                return null;
            }
            StringBuilder type = new StringBuilder(token.text());
            String last = token.text();
            token = ahead.next();
            while (token.is(".")) {
                Token part = ahead.next();
                if (part.kind() != Token.Kind.IDENTIFIER) {
                    return null;
                }
                type.append('.').append(part.text());
                last = part.text();
                token = ahead.next();
            }
            if (!PRIMITIVE_TYPES.contains(last) && !Character.isUpperCase(last.charAt(0))) {
                return null;
            }
            while (token.is("[")) {
                if (!ahead.next().is("]")) {
                    return null;
                }
                type.append("[]");
                token = ahead.next();
            }
            if (!token.is(")")) {
                return null;
            }
            Token value = ahead.next();
            boolean startsAValue = value.kind() == Token.Kind.IDENTIFIER || value.kind() == Token.Kind.NUMBER
                    || value.kind() == Token.Kind.STRING || value.is("(") || value.is("!");
            return startsAValue ? "(" + type + ")" : null;
        } catch (ExpressionSyntaxException e) {
            return null; // not a cast; the parser reports the problem where it meets it
        }
    }

    private Expr name(Token token) {
        String name = token.text();
        refuseReservedWord(token);
        switch (name) {
            case "true":
                return new Expr.Literal(Boolean.TRUE);
            case "false":
                return new Expr.Literal(Boolean.FALSE);
            case "null":
                return new Expr.Literal(null);
            default:
                break;
        }
        if (peek().is("(")) {
            return call(token);
        }
        if (Character.isUpperCase(name.charAt(0))) {
            throw ExpressionSyntaxException.notAllowed("class reference '" + name + "'", token.column(),
                    "a name starting with a capital letter reads as a Java class; write properties['" + name
                            + "'] for a property of that name");
        }
        // Interned, like the property paths of typed conditions: an event's keys are usually interned (string
        // literals, names Jackson read), and a map of the event's finds an interned name by identity.
        return Variables.RESERVED.contains(name) ? new Expr.Reserved(name) : new Expr.Property(name.intern());
    }

    private Expr call(Token name) {
        Helper helper = Helper.named(name.text());
        if (helper == null) {
            throw ExpressionSyntaxException.notAllowed("function call '" + name.text() + "()'", name.column(),
                    "the helpers are " + Helper.known());
        }
        Token open = next();
        enter(open);
        List<Expr> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            arguments.add(expression());
            while (peek().is(",")) {
                next();
                arguments.add(expression());
            }
        }
        expect(")", "',' or ')' in the arguments of " + helper.functionName() + "()");
        depth--;
        String arity = helper.checkArity(arguments.size());
        if (arity != null) {
            throw ExpressionSyntaxException.syntax(arity, name.column());
        }
        return node(new Expr.Call(helper, arguments), name, arguments.toArray(new Expr[0]));
    }

    /**
     * Records the tree depth of a new node, one more than its deepest child's, and refuses a tree deeper
     * than {@link #MAX_TREE_DEPTH}.
     *
     * @param at the token that made the node, for the error's column
     */
    private Expr node(Expr node, Token at, Expr... children) {
        int treeDepth = 1;
        for (Expr child : children) {
            treeDepth = Math.max(treeDepth, treeDepths.getOrDefault(child, 1) + 1);
        }
        if (treeDepth > MAX_TREE_DEPTH) {
            throw ExpressionSyntaxException.syntax("expression is more than " + MAX_TREE_DEPTH
                    + " operations deep; each operator, '.name' and '[index]' of a chain such as 'a + b + c'"
                    + " adds a level", at.column());
        }
        treeDepths.put(node, treeDepth);
        return node;
    }

    private void refuseReservedWord(Token token) {
        String construct = RESERVED_WORDS.get(token.text());
        if (construct != null) {
            throw ExpressionSyntaxException.notAllowed(construct, token.column());
        }
    }

    private ExpressionSyntaxException unexpected(Token token, String expected) {
        if (token.kind() == Token.Kind.IDENTIFIER && RESERVED_WORDS.containsKey(token.text())) {
            return ExpressionSyntaxException.notAllowed(RESERVED_WORDS.get(token.text()), token.column());
        }
        return ExpressionSyntaxException.syntax("expected " + expected + ", found " + token.describe(),
                token.column());
    }

    private Token expect(String operator, String what) {
        Token token = next();
        if (!token.is(operator)) {
            throw unexpected(token, what);
        }
        return token;
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw ExpressionSyntaxException.syntax("expression nests deeper than " + MAX_DEPTH + " levels",
                    token.column());
        }
    }

    /** Lexes lazily, so a refused token is reported only after everything before it was checked. */
    private Token peek() {
        if (lookahead == null) {
            lookahead = lexer.next();
        }
        return lookahead;
    }

    private Token next() {
        Token token = peek();
        lookahead = null;
        return token;
    }

    private static int end(Token token) {
        return token.column() - 1 + token.text().length();
    }
}
