package dev.ludus.core.internal.engine;

/**
 * The validation limits of SPEC section 2, configurable on the engine builder.
 */
public record EventLimits(int maxExternalUserIdLength, int maxEventTypeLength, int maxEventIdLength,
                          int maxIdempotencyKeyLength, int maxPropertyDepth, int maxPropertyKeys,
                          int maxStringLength) {

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EventLimits}; each limit may be set once and must be positive. */
    public static final class Builder {
        /**
         * The deepest {@code maxPropertyDepth}: events freeze their properties this deep (see {@code Event}), and
         * {@code LudusJson} reads JSON no deeper either.
         */
        static final int MAX_PROPERTY_DEPTH = 1000;

        private Integer maxExternalUserIdLength;
        private Integer maxEventTypeLength;
        private Integer maxEventIdLength;
        private Integer maxIdempotencyKeyLength;
        private Integer maxPropertyDepth;
        private Integer maxPropertyKeys;
        private Integer maxStringLength;

        private Builder() {
        }

        public void maxExternalUserIdLength(int max) {
            maxExternalUserIdLength = check("maxExternalUserIdLength", maxExternalUserIdLength, max);
        }

        public void maxEventTypeLength(int max) {
            maxEventTypeLength = check("maxEventTypeLength", maxEventTypeLength, max);
        }

        public void maxEventIdLength(int max) {
            maxEventIdLength = check("maxEventIdLength", maxEventIdLength, max);
        }

        public void maxIdempotencyKeyLength(int max) {
            maxIdempotencyKeyLength = check("maxIdempotencyKeyLength", maxIdempotencyKeyLength, max);
        }

        public void maxPropertyDepth(int max) {
            if (maxPropertyDepth == null && max > MAX_PROPERTY_DEPTH) {
                throw new IllegalArgumentException("maxPropertyDepth must be at most " + MAX_PROPERTY_DEPTH
                        + ", was " + max);
            }
            maxPropertyDepth = check("maxPropertyDepth", maxPropertyDepth, max);
        }

        public void maxPropertyKeys(int max) {
            maxPropertyKeys = check("maxPropertyKeys", maxPropertyKeys, max);
        }

        public void maxStringLength(int max) {
            maxStringLength = check("maxPropertyStringLength", maxStringLength, max);
        }

        public EventLimits build() {
            return new EventLimits(or(maxExternalUserIdLength, 256), or(maxEventTypeLength, 128),
                    or(maxEventIdLength, 256), or(maxIdempotencyKeyLength, 256), or(maxPropertyDepth, 8),
                    or(maxPropertyKeys, 256), or(maxStringLength, 64 * 1024));
        }

        private static int check(String name, Integer current, int value) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static int or(Integer value, int defaultValue) {
            return value == null ? defaultValue : value;
        }
    }
}
