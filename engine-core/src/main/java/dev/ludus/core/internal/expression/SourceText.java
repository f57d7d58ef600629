package dev.ludus.core.internal.expression;

/**
 * Expression source text as messages show it: on one line, whatever the expression holds. Line breaks,
 * tabs and other control characters are escaped as in Java ({@code \n}, {@code \t}, a backslash, {@code u}
 * and four hex digits); everything else, backslashes included, is kept as written, so a message about a
 * one-line expression shows it verbatim.
 *
 * <p>Kept here, not in {@code JsonValues}, because that class does not escape (yet); merge the two when it
 * does.
 */
final class SourceText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SourceText() {
    }

    /** @return {@code text} in single quotes, escaped */
    static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    /** @return {@code text} with control characters and line separators escaped */
    static String escape(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Control characters, and the Unicode line and paragraph separators that some terminals break on. */
    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
