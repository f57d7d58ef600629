package dev.ludus.core.store;

/**
 * Numbers for the names that one store's idempotency records repeat — event types, rule set versions, currency,
 * quest and badge ids, attribute names, notification topics, the rule ids and reasons of suppressions and failures —
 * so that a record keeps a number instead of the chars. A game has few such names, but clients choose event types
 * and custom actions badge ids: a store numbers at most 65,536, which the codec gives only names of at most
 * {@value IdempotencyCodec#MAX_NUMBERED_NAME} chars, and any further name is written out in full, as {@link ListCodes}
 * does with lists.
 *
 * <p>Unlike {@link ListCodes} there is no identity table in front of the map: a {@code String} caches its hash, and
 * {@code equals} checks identity first, so the map look-up reads no chars of a name the engine passes as the same
 * instance (the compiled plan's ids, the rule set version), and only a few for an equal copy (an event type read
 * from JSON).
 *
 * <p>Thread-safe, as {@link Numbering} says: a number decodes in any thread it is handed to with a happens-before
 * edge (the store hands records over under a player's lock).
 */
final class StringCodes extends Numbering<String> {
    StringCodes() {
        this(1 << 16);
    }

    /** @param max the most names to number; beyond, {@link #codeOf} answers -1 */
    StringCodes(int max) {
        super(max);
    }
}
