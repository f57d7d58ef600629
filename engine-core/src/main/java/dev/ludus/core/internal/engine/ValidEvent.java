package dev.ludus.core.internal.engine;

import java.time.Instant;
import java.util.Map;

/**
 * An event that passed validation: ids present, time resolved, properties deep-copied, unmodifiable and
 * normalised to JSON-like values ({@code Long}, {@code Double}, {@code String}, {@code Boolean},
 * {@code null}, {@code List}, {@code Map}).
 */
record ValidEvent(String eventId, String externalUserId, String eventType, Instant timestamp,
                  String idempotencyKey, Map<String, Object> properties, Map<String, String> profile) {
}
