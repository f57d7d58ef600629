package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.api.HistoryEntry;
import dev.ludus.api.PlayerState;
import dev.ludus.api.spi.PlayerCommit;
import dev.ludus.api.spi.PlayerRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzz test of {@link HistoryRing} and {@link InMemoryPlayerStore} against a list of the committed
 * entries: random limits, entry sizes, ids (shared across players too), values of every kind, kept properties,
 * imports, compactions of the log and look-ups, checked after every step. CI runs a few seeds; for a deeper run, for
 * example {@code -Dfuzz.seeds=3000 -Dfuzz.steps=1000}; {@code -Dfuzz.seed=N} replays one seed.
 */
class HistoryRingFuzzTest {
    static final int SEEDS = Integer.getInteger("fuzz.seeds", 40);
    static final int STEPS = Integer.getInteger("fuzz.steps", 400);
    static final boolean ALLOW_KEPT = Boolean.parseBoolean(System.getProperty("fuzz.kept", "true"));
    static final boolean CROSS_IDS = Boolean.parseBoolean(System.getProperty("fuzz.crossIds", "true"));
    static final long ONLY_SEED = Long.getLong("fuzz.seed", -1L);
    static final int[] LIMITS = System.getProperty("fuzz.limits") == null ? new int[] {1, 2, 3, 7, 8, 9, 16, 100}
            : Arrays.stream(System.getProperty("fuzz.limits").split(",")).mapToInt(Integer::parseInt).toArray();
    static final int CLEAR_ODDS = Integer.getInteger("fuzz.clearOdds", 40);
    static final int RANDOM_LIMIT_ODDS = Integer.getInteger("fuzz.randomLimitOdds", 4);

    // ---------- generators ----------

    static String text(Random r, int length) {
        int mode = r.nextInt(4);
        String alphabet = switch (mode) {
            case 0 -> "abcxyz0123456789";
            case 1 -> "abc\u00e9\u00ff\u0000 ";
            default -> "ab\u00e9\u00ff\u0100\u4e2d\ud83c\udfae\ud800\udc00\uffff\u0000";
        };
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static int size(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> 10_000 + r.nextInt(30_000);
            case 1, 2 -> 200 + r.nextInt(3000);
            case 3 -> 0;
            default -> r.nextInt(40);
        };
    }

    static Object value(Random r, int depth, boolean[] budget) {
        int kind = r.nextInt(depth > 3 ? 9 : 11);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> switch (r.nextInt(5)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE;
                case 2 -> r.nextLong();
                default -> (long) r.nextInt(300) - 150;
            };
            case 3 -> switch (r.nextInt(6)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> Double.longBitsToDouble(r.nextLong());
                case 3 -> Double.NEGATIVE_INFINITY;
                default -> r.nextDouble();
            };
            case 4, 5, 6 -> text(r, budget[0] ? size(r) : r.nextInt(10));
            case 7 -> r.nextInt(100); // Integer, frozen to Long
            case 8 -> {
                if (ALLOW_KEPT && r.nextInt(30) == 0) {
                    yield r.nextBoolean() ? new BigDecimal(r.nextInt(1000)) : (Object) 'c';
                }
                yield r.nextFloat();
            }
            case 9 -> map(r, depth + 1, budget);
            default -> {
                List<Object> list = new ArrayList<>();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    list.add(value(r, depth + 1, budget));
                }
                yield list;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, Object> map(Random r, int depth, boolean[] budget) {
        Map m = new LinkedHashMap<>();
        int n = r.nextInt(depth == 1 ? 8 : 5);
        for (int i = 0; i < n; i++) {
            Object key = ALLOW_KEPT && r.nextInt(60) == 0 ? (Object) (Integer) r.nextInt(5)
                    : text(r, r.nextInt(8));
            m.put(key, value(r, depth, budget));
        }
        return m;
    }

    static Map<String, Object> properties(Random r) {
        boolean[] budget = {r.nextInt(3) == 0};
        Map<String, Object> p = map(r, 1, budget);
        if (ALLOW_KEPT && r.nextInt(15) == 0) {
            // a large value first, then something not JSON-like: the failed write moved bytes around
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("big", "x".repeat(r.nextInt(3) == 0 ? r.nextInt(20_000) : r.nextInt(400)));
            q.putAll(p);
            q.put("custom", new BigDecimal("1.10"));
            return q;
        }
        return p;
    }

    static final List<List<String>> LISTS = List.of(List.of(), List.of("r1"), List.of("r1", "r2"),
            List.of("grant_xp", "grant_xp", "award_badge"), List.of("r\u00e9gle", "\u4e2d"));

    static List<String> list(Random r) {
        if (r.nextInt(4) == 0) {
            List<String> l = new ArrayList<>();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                l.add(text(r, r.nextInt(r.nextInt(20) == 0 ? 3000 : 10)));
            }
            return l;
        }
        return LISTS.get(r.nextInt(LISTS.size()));
    }

    static String id(Random r, List<String> pool, int counter) {
        if (!pool.isEmpty() && r.nextInt(8) == 0) {
            return pool.get(r.nextInt(pool.size()));
        }
        String id = switch (r.nextInt(6)) {
            case 0, 1, 2 -> new UUID(r.nextLong(), r.nextLong()).toString();
            case 3 -> new UUID(r.nextLong(), r.nextLong()).toString().toUpperCase();
            case 4 -> "e-" + counter;
            default -> text(r, r.nextInt(r.nextInt(10) == 0 ? 2000 : 40));
        };
        pool.add(id);
        return id;
    }

    static Instant time(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Instant.MIN;
            case 1 -> Instant.MAX;
            default -> Instant.ofEpochSecond(r.nextLong() % 1_000_000_000_000L, r.nextInt(1_000_000_000));
        };
    }

    /** Runs {@code run} for each seed (or only {@code fuzz.seed}), naming the seed of a failure. */
    static void runSeeds(String name, LongUnaryOperator run) {
        long cases = 0;
        for (int s = 0; s < SEEDS; s++) {
            long seed = ONLY_SEED >= 0 ? ONLY_SEED : s;
            try {
                cases += run.applyAsLong(seed);
            } catch (Throwable t) {
                throw new AssertionError(name + " seed " + seed + ": " + t, t);
            }
            if (ONLY_SEED >= 0) {
                break;
            }
        }
        assertThat(cases).as("steps run").isPositive();
    }

    // ---------- HistoryRing directly ----------

    @Test
    void ringAgainstModel() {
        runSeeds("ring", HistoryRingFuzzTest::ringCase);
    }

    static long ringCase(long seed) {
        Random r = new Random(seed);
        int limit = r.nextInt(RANDOM_LIMIT_ODDS) == 0 ? 1 + r.nextInt(300) : LIMITS[r.nextInt(LIMITS.length)];
        ListCodes codes = new ListCodes(r.nextBoolean() ? 2 : 1 << 16);
        HistoryLog log = new HistoryLog(codes);
        HistoryRing ring = new HistoryRing("u", limit, log);
        // A neighbour in the same log, so that the ring's entries lie between others' and move when compacted.
        HistoryRing neighbour = new HistoryRing("v", 1 + r.nextInt(3), log);
        List<HistoryEntry> all = new ArrayList<>();
        List<String> pool = new ArrayList<>();
        int count = 0;
        boolean useCallback = r.nextBoolean();
        long adds = 0;
        for (int step = 0; step < STEPS; step++) {
            int op = r.nextInt(CLEAR_ODDS);
            if (op == 0) {
                ring.clear();
                all.clear();
                count = 0;
                continue;
            }
            if (op == 1) {
                log.compact(r.nextBoolean());
            }
            for (int n = r.nextInt(3); n > 0; n--) {
                neighbour.add(new HistoryEntry("n" + step, "v", text(r, r.nextInt(300)), time(r), step, properties(r),
                        list(r), list(r)), null);
            }
            String user = r.nextInt(6) == 0 ? text(r, r.nextInt(5)) : "u";
            HistoryEntry e = new HistoryEntry(id(r, pool, step), user, text(r, r.nextInt(r.nextInt(20) == 0 ? 500 : 8)),
                    time(r), r.nextLong(), properties(r), list(r), list(r));
            List<String> dropped = new ArrayList<>();
            List<String> expectDropped = new ArrayList<>();
            if (count == limit) {
                expectDropped.add(all.get(all.size() - count).eventId());
                count--;
            }
            ring.add(e, useCallback ? dropped::add : null);
            adds++;
            all.add(e);
            count++;
            if (useCallback && !dropped.equals(expectDropped)) {
                throw new AssertionError("dropped " + dropped + " expected " + expectDropped);
            }
            check(ring, all, limit, count, r);
        }
        log.compact(true);
        check(ring, all, limit, count, r);
        return adds;
    }

    static void check(HistoryRing ring, List<HistoryEntry> all, int limit, int count, Random r) {
        List<HistoryEntry> visible = new ArrayList<>();
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - limit); i--) {
            visible.add(all.get(i));
        }
        List<HistoryEntry> page = ring.page(null, Long.MAX_VALUE, Integer.MAX_VALUE);
        if (!page.equals(visible)) {
            throw new AssertionError("page differs: size " + page.size() + " vs " + visible.size() + "\n"
                    + diff(page, visible));
        }
        // filtered page
        long before = visible.isEmpty() ? 0 : visible.get(r.nextInt(visible.size())).version();
        String type = r.nextBoolean() || visible.isEmpty() ? null : visible.get(r.nextInt(visible.size())).eventType();
        int max = 1 + r.nextInt(limit + 2);
        List<HistoryEntry> expected = new ArrayList<>();
        for (HistoryEntry e : visible) {
            if (expected.size() < max && e.version() < before && (type == null || type.equals(e.eventType()))) {
                expected.add(e);
            }
        }
        List<HistoryEntry> got = ring.page(type, before, max);
        if (!got.equals(expected)) {
            throw new AssertionError("filtered page differs");
        }
        // ids
        List<String> ids = new ArrayList<>();
        ring.forEachId(ids::add);
        List<String> expectIds = new ArrayList<>();
        for (int i = all.size() - count; i < all.size(); i++) {
            expectIds.add(all.get(i).eventId());
        }
        if (!ids.equals(expectIds)) {
            throw new AssertionError("forEachId " + ids.size() + " vs " + expectIds.size());
        }
        // find / holds
        for (int k = 0; k < 3 && !all.isEmpty(); k++) {
            String id = all.get(r.nextInt(all.size())).eventId();
            if (r.nextInt(5) == 0) {
                id = id + "x";
            }
            HistoryLog.EventId key = HistoryLog.EventId.of(id);
            Optional<HistoryEntry> want = Optional.empty();
            for (HistoryEntry e : visible) {
                if (e.eventId().equals(id)) {
                    want = Optional.of(e);
                    break;
                }
            }
            if (!ring.find(key).equals(want)) {
                throw new AssertionError("find " + id);
            }
            boolean holds = expectIds.contains(id);
            if (ring.holds(key) != holds) {
                throw new AssertionError("holds " + id);
            }
        }
        if (ring.size() != visible.size()) {
            throw new AssertionError("size");
        }
    }

    static String diff(List<HistoryEntry> got, List<HistoryEntry> want) {
        for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
            if (!got.get(i).equals(want.get(i))) {
                HistoryEntry g = got.get(i), w = want.get(i);
                return "first diff at " + i + ": id " + g.eventId().equals(w.eventId()) + " user "
                        + g.externalUserId().equals(w.externalUserId()) + " type "
                        + g.eventType().equals(w.eventType()) + " time " + g.timestamp().equals(w.timestamp())
                        + " version " + (g.version() == w.version()) + " props "
                        + g.properties().equals(w.properties()) + " rules "
                        + g.rulesTriggered().equals(w.rulesTriggered()) + " actions "
                        + g.actionsExecuted().equals(w.actionsExecuted());
            }
        }
        return "length";
    }

    // ---------- the store ----------

    @Test
    void storeAgainstModel() {
        runSeeds("store", HistoryRingFuzzTest::storeCase);
    }

    static long storeCase(long seed) {
        Random r = new Random(seed * 7919 + 1);
        int limit = r.nextInt(RANDOM_LIMIT_ODDS) == 0 ? 1 + r.nextInt(200) : LIMITS[r.nextInt(LIMITS.length)];
        boolean index = r.nextBoolean();
        InMemoryPlayerStore store = InMemoryPlayerStore.builder().historyPerPlayer(limit).indexEventIds(index).build();
        int players = 1 + r.nextInt(4);
        Map<String, List<HistoryEntry>> model = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        List<String> pool = new ArrayList<>();
        Map<String, String> idOwner = new HashMap<>();
        long commits = 0;
        for (int step = 0; step < STEPS; step++) {
            String user = "p" + r.nextInt(players);
            int op = r.nextInt(CLEAR_ODDS);
            if (op == 1) {
                store.compactHistory();
            }
            if (op == 0) {
                long v = versions.getOrDefault(user, 0L) + r.nextInt(3);
                store.importPlayer(new PlayerState(user, v, 1, 100, Map.of(), new TreeSet<>(), Map.of(), Map.of(),
                        Map.of(), v));
                versions.put(user, v);
                model.put(user, new ArrayList<>());
            } else {
                long v = versions.getOrDefault(user, 0L);
                String id = id(r, pool, step);
                if (!CROSS_IDS) {
                    String owner = idOwner.putIfAbsent(id, user);
                    if (owner != null && !owner.equals(user)) {
                        id = id + "/" + step;
                        idOwner.put(id, user);
                        pool.add(id);
                    }
                }
                String entryUser = r.nextInt(10) == 0 ? user + "-derived" : user;
                HistoryEntry e = new HistoryEntry(id, entryUser, "t" + r.nextInt(3), time(r), v + 1, properties(r),
                        list(r), list(r));
                PlayerState state = new PlayerState(user, v + 1, 1, 100, Map.of(), new TreeSet<>(), Map.of(),
                        Map.of(), Map.of(), v + 1);
                if (!store.commit(new PlayerCommit(user, v, new PlayerRecord(state, Map.of()), null, e))) {
                    throw new AssertionError("commit failed");
                }
                commits++;
                versions.put(user, v + 1);
                model.computeIfAbsent(user, k -> new ArrayList<>()).add(e);
            }
            // history of a random player
            String who = "p" + r.nextInt(players);
            List<HistoryEntry> entries = model.getOrDefault(who, List.of());
            List<HistoryEntry> visible = new ArrayList<>();
            for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - limit); i--) {
                visible.add(entries.get(i));
            }
            List<HistoryEntry> got = store.history(who, null, Long.MAX_VALUE, Integer.MAX_VALUE);
            if (!got.equals(visible)) {
                throw new AssertionError("history of " + who + " at step " + step + ": " + diff(got, visible));
            }
            // findEvent of some ids
            for (int k = 0; k < 2 && !pool.isEmpty(); k++) {
                String id = pool.get(r.nextInt(pool.size()));
                Set<HistoryEntry> acceptable = new HashSet<>();
                for (List<HistoryEntry> es : model.values()) {
                    for (int i = es.size() - 1; i >= Math.max(0, es.size() - limit); i--) {
                        if (es.get(i).eventId().equals(id)) {
                            acceptable.add(es.get(i));
                            break;
                        }
                    }
                }
                Optional<HistoryEntry> found = store.findEvent(id);
                if (acceptable.isEmpty() ? found.isPresent() : found.isEmpty() || !acceptable.contains(found.get())) {
                    throw new AssertionError("findEvent(" + id + ") at step " + step + " index " + index + " got "
                            + found.map(HistoryEntry::externalUserId) + " acceptable " + acceptable.size());
                }
            }
        }
        return commits;
    }

    static <T> boolean same(T a, T b) {
        return Objects.equals(a, b);
    }

    static String show(Object o) {
        return o instanceof Object[] a ? Arrays.toString(a) : String.valueOf(o);
    }
}
