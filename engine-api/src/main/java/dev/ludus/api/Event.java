package dev.ludus.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a player did (SPEC section 2), built with {@link #builder()}.
 *
 * <p>An {@code Event} is immutable and safe to share between threads. Building never fails: the engine
 * validates an event when it is tracked and answers {@code rejected} / {@code INVALID_EVENT} for a bad
 * one, so every field may be {@code null} here.
 *
 * <p>Property values are JSON-like: {@code String}, {@code Number}, {@code Boolean}, {@code null},
 * {@code List} and {@code Map<String, ?>} of those. Building makes one deep, unmodifiable copy of them (a map
 * given whole to an empty builder's {@link Builder#properties(Map)} is copied right then), kept
 * in insertion order, so later changes by the caller are not seen; in it whole numbers given as
 * {@code Integer}, {@code Short} or {@code Byte} are {@code Long} and a {@code Float} is a {@code Double},
 * the types the engine computes with. Other values are kept as given and checked when the event is tracked,
 * and so are maps and lists nested more than 1,000 levels deep (the engine rejects those).
 */
public final class Event {
    private final String eventId;
    private final String externalUserId;
    private final String eventType;
    private final Instant timestamp;
    private final String idempotencyKey;
    private final Map<String, Object> properties;
    private final Map<String, String> profile;

    private Event(Builder b) {
        this.eventId = b.eventId;
        this.externalUserId = b.externalUserId;
        this.eventType = b.eventType;
        this.timestamp = b.timestamp;
        this.idempotencyKey = b.idempotencyKey;
        this.properties = b.properties != null ? Frozen.map(b.properties)
                : b.frozenProperties != null ? b.frozenProperties : Frozen.map(Map.of());
        this.profile = b.profile == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.profile));
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param externalUserId the player
     * @param eventType      what happened
     * @param properties     the event's properties, copied
     * @return an event with no id, timestamp or idempotency key
     */
    public static Event of(String externalUserId, String eventType, Map<String, ?> properties) {
        return builder().externalUserId(externalUserId).eventType(eventType).properties(properties).build();
    }

    /** @return the event's id, or {@code null} when the engine should generate one */
    public String eventId() {
        return eventId;
    }

    /** @return the player's id, may be {@code null} (the engine rejects it) */
    public String externalUserId() {
        return externalUserId;
    }

    /** @return the event type, may be {@code null} (the engine rejects it) */
    public String eventType() {
        return eventType;
    }

    /** @return when it happened, or {@code null} for the engine clock's now */
    public Instant timestamp() {
        return timestamp;
    }

    /** @return the idempotency key, scoped to the player, or {@code null} */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** @return the properties, unmodifiable, never {@code null} */
    public Map<String, Object> properties() {
        return properties;
    }

    /** @return profile fields to upsert ({@code email}, {@code mobile}, {@code displayName}), never {@code null} */
    public Map<String, String> profile() {
        return profile;
    }

    /** @return a builder holding this event's fields, to derive a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.eventId = eventId;
        b.externalUserId = externalUserId;
        b.eventType = eventType;
        b.timestamp = timestamp;
        b.idempotencyKey = idempotencyKey;
        b.frozenProperties = properties.isEmpty() ? null : properties;
        b.profile = profile.isEmpty() ? null : new LinkedHashMap<>(profile);
        return b;
    }

    @Override
    public String toString() {
        return "Event[" + eventType + " by " + externalUserId + (eventId == null ? "" : ", id " + eventId) + "]";
    }

    /** Builds an {@link Event}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String eventId;
        private String externalUserId;
        private String eventType;
        private Instant timestamp;
        private String idempotencyKey;
        /**
         * The properties when they were given one by one (or added to), else {@code null}; frozen at
         * {@link #build()}.
         */
        private Map<String, Object> properties;
        /** The properties when one map was given and nothing else, already frozen; else {@code null}. */
        private Map<String, Object> frozenProperties;
        private Map<String, String> profile;

        private Builder() {
        }

        /** @param eventId the event's id; {@code null} lets the engine generate a UUID */
        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        /** @param externalUserId the player's id */
        public Builder externalUserId(String externalUserId) {
            this.externalUserId = externalUserId;
            return this;
        }

        /** @param eventType what happened, e.g. {@code lesson_completed} */
        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        /**
         * @param timestamp when it happened; {@code null} means the engine clock's now. The engine accepts the
         *                  years 0000 to 9999 ({@code 0000-01-01T00:00:00Z} to {@code 9999-12-31T23:59:59.999999999Z})
         */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** @param idempotencyKey a key, unique per player, that makes retries safe; may be {@code null} */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Sets one property (a JSON-like value). */
        public Builder property(String name, Object value) {
            Objects.requireNonNull(name, "name");
            modifiableProperties().put(name, value);
            return this;
        }

        /**
         * Adds all of {@code values} to the properties. Into a builder with no properties yet, {@code values} is
         * copied deeply here (one copy, which the event keeps); otherwise its entries are added and the values
         * copied when the event is built.
         */
        public Builder properties(Map<String, ?> values) {
            Objects.requireNonNull(values, "values");
            if (properties == null && frozenProperties == null) {
                frozenProperties = Frozen.map(values);
            } else {
                modifiableProperties().putAll(values);
            }
            return this;
        }

        private Map<String, Object> modifiableProperties() {
            if (properties == null) {
                properties = new LinkedHashMap<>();
                if (frozenProperties != null) {
                    properties.putAll(frozenProperties);
                    frozenProperties = null;
                }
            }
            return properties;
        }

        /** Sets one profile field, e.g. {@code email}. */
        public Builder profile(String field, String value) {
            Objects.requireNonNull(field, "field");
            if (profile == null) {
                profile = new LinkedHashMap<>();
            }
            profile.put(field, value);
            return this;
        }

        /** @return the event; this builder stays usable */
        public Event build() {
            return new Event(this);
        }
    }
}
