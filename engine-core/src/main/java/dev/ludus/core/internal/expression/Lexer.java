package dev.ludus.core.internal.expression;

import java.util.List;

/**
 * Splits an expression into tokens, one at a time as the parser asks, so refusals come in reading order.
 * Only the characters of the allowed grammar get through: every other operator MVEL knows (assignment,
 * increment, bitwise, blocks, statement separators…) is refused here with its name.
 */
final class Lexer {
    /** Operators of the grammar. */
    private static final List<String> TWO_CHARACTER_OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||");
    private static final List<String> ONE_CHARACTER_OPERATORS =
            List.of("+", "-", "*", "/", "%", "<", ">", "!", "?", ":", "(", ")", "[", "]", ".", ",");

    /** MVEL operators outside the grammar, longest first, with the construct each one is. */
    private static final List<String[]> REFUSED = List.of(
            new String[] {">>>=", "assignment '>>>='"},
            new String[] {">>>", "bitwise operator '>>>'"},
            new String[] {"<<=", "assignment '<<='"},
            new String[] {">>=", "assignment '>>='"},
            new String[] {"+=", "assignment '+='"},
            new String[] {"-=", "assignment '-='"},
            new String[] {"*=", "assignment '*='"},
            new String[] {"/=", "assignment '/='"},
            new String[] {"%=", "assignment '%='"},
            new String[] {"&=", "assignment '&='"},
            new String[] {"|=", "assignment '|='"},
            new String[] {"^=", "assignment '^='"},
            new String[] {"++", "increment '++'"},
            new String[] {"--", "decrement '--'"},
            new String[] {"<<", "bitwise operator '<<'"},
            new String[] {">>", "bitwise operator '>>'"},
            new String[] {"~=", "regular expression operator '~='"},
            new String[] {"->", "lambda '->'"},
            new String[] {"::", "method reference '::'"},
            new String[] {".?", "null-safe navigation '.?'"},
            new String[] {"//", "comment '//'"},
            new String[] {"/*", "comment '/*'"},
            new String[] {"=", "assignment '='"},
            new String[] {";", "statement separator ';'"},
            new String[] {"{", "block or inline collection '{'"},
            new String[] {"}", "block '}'"},
            new String[] {"&", "bitwise operator '&'"},
            new String[] {"|", "bitwise operator '|'"},
            new String[] {"^", "bitwise operator '^'"},
            new String[] {"~", "bitwise operator '~'"},
            new String[] {"@", "MVEL interceptor or template '@'"},
            new String[] {"#", "character '#'"},
            new String[] {"$", "character '$'"},
            new String[] {"\\", "character '\\'"},
            new String[] {"`", "character '`'"});

    private final String source;
    private int position;

    Lexer(String source) {
        this(source, 0);
    }

    /** A lexer that starts at {@code position} (0-based), for the parser to look further ahead. */
    Lexer(String source, int position) {
        this.source = source;
        this.position = position;
    }

    /**
     * @return the next token; at the end, an {@link Token.Kind#END} token, again on every call
     * @throws ExpressionSyntaxException when the next token is refused or malformed
     */
    Token next() {
        skipWhitespace();
        if (position >= source.length()) {
            return new Token(Token.Kind.END, "", null, position + 1);
        }
        return token();
    }

    private void skipWhitespace() {
        while (position < source.length() && " \t\r\n".indexOf(source.charAt(position)) >= 0) {
            position++;
        }
    }

    private Token token() {
        char c = source.charAt(position);
        if (c >= '0' && c <= '9') {
            return number();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (isIdentifierStart(c)) {
            int start = position;
            while (position < source.length() && isIdentifierPart(source.charAt(position))) {
                position++;
            }
            return new Token(Token.Kind.IDENTIFIER, source.substring(start, position), null, start + 1);
        }
        // Allowed two-character operators first ("==" is not an assignment), then the refused ones
        // ("+=" is not a "+"), then the single characters.
        Token operator = operator(TWO_CHARACTER_OPERATORS);
        if (operator != null) {
            return operator;
        }
        for (String[] refused : REFUSED) {
            if (source.startsWith(refused[0], position)) {
                throw ExpressionSyntaxException.notAllowed(refused[1], position + 1);
            }
        }
        operator = operator(ONE_CHARACTER_OPERATORS);
        if (operator != null) {
            return operator;
        }
        throw ExpressionSyntaxException.notAllowed("character '" + printable(c) + "'", position + 1);
    }

    private Token operator(List<String> candidates) {
        for (String operator : candidates) {
            if (source.startsWith(operator, position)) {
                int start = position;
                position += operator.length();
                return new Token(Token.Kind.OPERATOR, operator, null, start + 1);
            }
        }
        return null;
    }

    private Token number() {
        int start = position;
        digits();
        boolean whole = true;
        if (position + 1 < source.length() && source.charAt(position) == '.' && isDigit(source.charAt(position + 1))) {
            whole = false;
            position++;
            digits();
        }
        if (position < source.length() && (source.charAt(position) == 'e' || source.charAt(position) == 'E')) {
            whole = false;
            position++;
            if (position < source.length() && (source.charAt(position) == '+' || source.charAt(position) == '-')) {
                position++;
            }
            if (position >= source.length() || !isDigit(source.charAt(position))) {
                throw ExpressionSyntaxException.syntax("malformed number '" + source.substring(start, position)
                        + "': expected digits after the exponent", start + 1);
            }
            digits();
        }
        if (position < source.length() && isIdentifierPart(source.charAt(position))) {
            int end = position;
            while (end < source.length() && isIdentifierPart(source.charAt(end))) {
                end++;
            }
            // MVEL's typed and hexadecimal literals (10L, 2.5d, 0x1F): numbers here are plain digits.
            throw ExpressionSyntaxException.notAllowed("number with a suffix '" + source.substring(start, end)
                    + "' (write digits with an optional fraction and exponent)", start + 1);
        }
        String text = source.substring(start, position);
        try {
            Object value;
            if (whole) {
                value = Long.parseLong(text);
            } else {
                double d = Double.parseDouble(text);
                if (Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                value = d;
            }
            return new Token(Token.Kind.NUMBER, text, value, start + 1);
        } catch (NumberFormatException e) {
            throw ExpressionSyntaxException.syntax("number " + text + " is too large", start + 1);
        }
    }

    private void digits() {
        while (position < source.length() && isDigit(source.charAt(position))) {
            position++;
        }
    }

    private Token string(char quote) {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < source.length()) {
            char c = source.charAt(position++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, source.substring(start, position), value.toString(), start + 1);
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (position >= source.length()) {
                break;
            }
            char escaped = source.charAt(position++);
            switch (escaped) {
                case '\\', '\'', '"' -> value.append(escaped);
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'u' -> value.append(unicodeEscape());
                default -> throw ExpressionSyntaxException.syntax("unknown escape '\\" + printable(escaped)
                        + "' in a string; known: \\\\ \\' \\\" \\n \\t \\r \\uXXXX", position - 1);
            }
        }
        throw ExpressionSyntaxException.syntax("string is not closed: expected " + quote + " before the end",
                start + 1);
    }

    private char unicodeEscape() {
        if (position + 4 > source.length()) {
            throw ExpressionSyntaxException.syntax("\\u must be followed by four hex digits", position - 1);
        }
        try {
            char c = (char) Integer.parseInt(source.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw ExpressionSyntaxException.syntax("\\u must be followed by four hex digits", position - 1);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
