package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.ErrorCode;
import dev.ludus.api.EventResult;
import dev.ludus.api.EventStatus;
import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.RuleFailure;
import dev.ludus.api.RuleSuppression;
import dev.ludus.api.Update;
import dev.ludus.api.spi.IdempotencyRecord;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store keeps idempotency records as bytes (or, for a value with no encoding, as the object): a look-up must
 * find a record equal to the committed one, and pruning by event time must work on either form.
 */
class InMemoryPlayerStoreIdempotencyTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:15:30.5Z");
    private static final String FINGERPRINT = "f2:XyICOvKx0dWvEtSMYscjXw";

    private long version;

    private boolean commit(InMemoryPlayerStore store, String user, IdempotencyRecord key) {
        version++;
        PlayerState state = new PlayerState(user, version, 1, 100, Map.of(), new TreeSet<>(), Map.of(), Map.of(),
                Map.of(), version);
        HistoryEntry entry = new HistoryEntry(key.result().eventId(), user, "order_placed", key.eventTime(), version,
                Map.of(), key.result().rulesTriggered(), key.result().actionsExecuted());
        return store.commit(new PlayerCommit(user, version - 1, new PlayerRecord(state, Map.of()), key, entry));
    }

    private static IdempotencyRecord key(String key, Instant time, List<Update> updates) {
        EventResult result = new EventResult(UUID.randomUUID().toString(), "u", "order_placed",
                EventStatus.PROCESSED, "v1", List.of("order"), List.of("grant_xp", "notify"),
                List.of(new RuleSuppression("daily", "cooldown")),
                List.of(new RuleFailure("spend", ErrorCode.INSUFFICIENT_FUNDS, "balance 3 < 5")), updates, null, null);
        return new IdempotencyRecord(key, FINGERPRINT, time, result);
    }

    private static IdempotencyRecord key(String key, Instant time) {
        return key(key, time, List.of(new Update.XpUpdated(120, 20, 2), new Update.LevelUp(1, 2),
                new Update.Notification("order", Map.of("total", 149.99, "items", List.of(1L, "\u4e2d")))));
    }

    /** @return a record holding a value with no encoding, which the store keeps as the object */
    private static IdempotencyRecord keptAsObject(String key, Instant time) {
        return key(key, time, List.of(new Update.AttributeUpdated("price", new BigDecimal("1.10"))));
    }

    @Test
    void findIdempotency_returnsARecordEqualToTheCommittedOne_inEitherForm() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        IdempotencyRecord bytes = key("order-1", T0);
        IdempotencyRecord object = keptAsObject("order-2", T0);
        assertThat(commit(store, "u", bytes)).isTrue();
        assertThat(commit(store, "u", object)).isTrue();

        assertThat(store.findIdempotency("u", "order-1")).contains(bytes);
        assertThat(store.findIdempotency("u", "order-2")).contains(object);
        assertThat(store.findIdempotency("u", "order-3")).isEmpty();
        assertThat(store.idempotencyRecords("u")).isEqualTo(2);
        assertThat(store.idempotencyRecordsAsBytes("u")).isEqualTo(1);
    }

    @Test
    void aKeyCommittedAgain_replacesTheRecord() {
        InMemoryPlayerStore store = InMemoryPlayerStore.create();
        commit(store, "u", key("k", T0));
        IdempotencyRecord replacement = keptAsObject("k", T0.plusSeconds(1));
        commit(store, "u", replacement);
        assertThat(store.findIdempotency("u", "k")).contains(replacement);
        IdempotencyRecord again = key("k", T0.plusSeconds(2));
        commit(store, "u", again);
        assertThat(store.findIdempotency("u", "k")).contains(again);
        assertThat(store.idempotencyRecordsAsBytes("u")).isEqualTo(1);
    }

    @Test
    void pruning_dropsRecordsOlderThanTheRetention_toTheNano_inEitherForm() {
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().idempotencyRetention(Duration.ofHours(1)).build();
        Instant newest = T0.plus(Duration.ofHours(1)).plusNanos(1);
        IdempotencyRecord edge = key("edge", T0.plusNanos(1));
        IdempotencyRecord edgeObject = keptAsObject("edge-object", T0.plusNanos(1));
        commit(store, "u", key("old", T0));
        commit(store, "u", keptAsObject("old-object", T0));
        commit(store, "u", edge);
        commit(store, "u", edgeObject);
        // The 64th key is the first to prune; the horizon is the newest time minus the retention, T0 + 1 ns.
        for (int i = 4; i < 64; i++) {
            commit(store, "u", key("new" + i, newest));
        }
        assertThat(store.idempotencyRecords("u")).isEqualTo(62);
        assertThat(store.findIdempotency("u", "old")).isEmpty();
        assertThat(store.findIdempotency("u", "old-object")).isEmpty();
        assertThat(store.findIdempotency("u", "edge")).contains(edge);
        assertThat(store.findIdempotency("u", "edge-object")).contains(edgeObject);
        assertThat(store.idempotencyRecordsAsBytes("u")).isEqualTo(61);
    }

    @Test
    void theHorizon_isTheNewestTimeLessTheRetention_orInstantMinWhenTheRetentionReachesBackThatFar() {
        // Against the definition it replaces, at and around the edge where the retention reaches Instant.MIN.
        Instant[] times = {Instant.MIN, Instant.MIN.plusNanos(1), Instant.parse("0000-01-01T00:00:00Z"), T0,
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.MAX};
        for (Instant newest : times) {
            Duration span = Duration.between(Instant.MIN, newest);
            for (Duration retention : List.of(Duration.ofNanos(1), Duration.ofDays(7), span.minusNanos(1), span,
                    span.plusNanos(1), span.plusSeconds(1), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))) {
                if (retention.isNegative() || retention.isZero()) {
                    continue;
                }
                Instant expected = span.compareTo(retention) <= 0 ? Instant.MIN : newest.minus(retention);
                assertThat(InMemoryPlayerStore.horizon(newest, retention)).as(newest + " less " + retention)
                        .isEqualTo(expected);
            }
        }
    }
}
