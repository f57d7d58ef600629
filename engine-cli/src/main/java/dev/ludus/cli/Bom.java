package dev.ludus.cli;

/**
 * The UTF-8 byte-order mark some editors (Notepad among them) put at the start of a file. JSON text must not
 * start with one, but RFC 8259 lets a parser ignore it, and {@code ludus} does: at the start of a state or event
 * file and of the first line of an events stream (the engine itself ignores one before a game document).
 */
final class Bom {
    private Bom() {
    }

    /** @return {@code text} without a leading byte-order mark */
    static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
