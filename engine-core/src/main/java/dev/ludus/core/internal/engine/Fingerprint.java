package dev.ludus.core.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of an event's payload (type and properties) that tells a retry from a different event reusing
 * an idempotency key. Key order does not matter and numbers compare by value (95 and 95.0 are the same).
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(String eventType, Map<String, Object> properties) {
        StringBuilder canonical = new StringBuilder(64);
        append(canonical, eventType);
        append(canonical, properties);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append('n');
        } else if (value instanceof String s) {
            out.append('s').append(s.length()).append(':').append(s);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Long l) {
            out.append('i').append(l).append(';');
        } else if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                out.append('i').append(d.longValue()).append(';');
            } else {
                out.append('d').append(d).append(';');
            }
        } else if (value instanceof List<?> list) {
            out.append('[').append(list.size()).append(':');
            list.forEach(element -> append(out, element));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{').append(map.size()).append(':');
            new TreeMap<>(map).forEach((k, v) -> {
                append(out, k);
                append(out, v);
            });
        } else {
            throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
        }
    }
}
