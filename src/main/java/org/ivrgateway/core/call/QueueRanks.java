package org.ivrgateway.core.call;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * The waiting calls of each queue counted in two Fenwick (binary indexed) trees stored in {@code queue_rank}
 * (V13__queue_ranks.sql; docs/STATISTICS.md, "Cost"), so that a call's place, the calls of a queue and the
 * calls of a priority or more are read from a number of rows that does not grow with the queue.
 *
 * <ul>
 *   <li>{@link #QUEUE_ORDER} (ordering 0) is keyed by priority, then the second the call was queued:
 *   {@code (100 - priority) * 2^31 + second + 1}, so the keys sort like {@link Calls#QUEUE_ORDER} to the
 *   second; the calls of one priority and one second are told apart by reading them (an index range of at
 *   most one second's arrivals).</li>
 *   <li>{@link #ARRIVAL} (ordering 1) is keyed by the second alone: the calls queued before an instant (the
 *   service level's "waiting now beyond T").</li>
 * </ul>
 *
 * A node exists only once a call has counted in it (a sparse tree); the root of the queue-order tree holds
 * the queue's total. Entering or leaving adds ±1 to the nodes on the path of its key (at most 39 + 32 rows),
 * written by one statement; a prefix is one SUM over at most 38 nodes. Every change goes through the named
 * transitions of {@link Calls}, in the transaction that changes the call.
 */
public final class QueueRanks {
    static final int QUEUE_ORDER = 0;
    static final int ARRIVAL = 1;
    /** Seconds are counted from 2020-01-01T00:00:00Z, on 31 bits: to 2088; times outside fall into the end seconds. */
    static final long EPOCH_SECONDS = 1_577_836_800L;
    static final int SECOND_BITS = 31;
    static final long SECONDS = 1L << SECOND_BITS;
    /**
     * Priorities are 0..100 (InitialPriority 1..100, aging up to this, {@code Router}): 101 groups, within 2^7;
     * the rank keys hold no higher priority.
     */
    public static final int MAX_PRIORITY = 100;
    static final int ORDER_LEVELS = 7 + SECOND_BITS;
    static final int ARRIVAL_LEVELS = SECOND_BITS;

    private final boolean postgres;

    QueueRanks(boolean postgres) {
        this.postgres = postgres;
    }

    /** The second of the arrival keys for {@code ms}, clamped to the range the keys hold. */
    static long second(long ms) {
        return Math.clamp(Math.floorDiv(ms, 1000L) - EPOCH_SECONDS, 0, SECONDS - 1);
    }

    /** The first millisecond of a key's second (the first second also holds everything before it). */
    static long secondStartMs(long second) {
        return second == 0 ? Long.MIN_VALUE : (EPOCH_SECONDS + second) * 1000L;
    }

    /** 1-based index in the queue-order tree. */
    static long orderIndex(int priority, long queuedMs) {
        return (long) (MAX_PRIORITY - Math.clamp(priority, 0, MAX_PRIORITY)) * SECONDS + second(queuedMs) + 1;
    }

    /** The last index of the queue-order tree whose priority is {@code priority} or more (0: none is). */
    static long lastIndexOfPriority(int priority) {
        if (priority > MAX_PRIORITY) return 0;
        return (long) (MAX_PRIORITY - Math.clamp(priority, 0, MAX_PRIORITY) + 1) * SECONDS;
    }

    static long arrivalIndex(long queuedMs) {
        return second(queuedMs) + 1;
    }

    /**
     * The nodes that count {@code index} in a tree of {@code 2^levels} leaves: at each level L the node
     * {@code c * 2^L} with {@code c = ceil(index / 2^L)}, when c is odd (the same arithmetic as the
     * migration's, which has no bit operators in common between the two databases).
     */
    static List<Long> pathOf(long index, int levels) {
        List<Long> nodes = new ArrayList<>(levels + 1);
        for (int level = 0; level <= levels; level++) {
            long span = 1L << level;
            long c = Math.ceilDiv(index, span);
            if ((c & 1) == 1) nodes.add(c * span);
        }
        return nodes;
    }

    /** The nodes whose sum is the count of indexes 1..{@code index}. */
    static List<Long> prefixOf(long index) {
        List<Long> nodes = new ArrayList<>();
        for (long i = index; i > 0; i -= i & -i) nodes.add(i);
        return nodes;
    }

    /** One waiting call's place in the trees: its queue, priority and the instant it was queued. */
    record Place(String queue, int priority, long queuedMs) {
        static Place of(CallRow call) {
            return call.isQueued() ? new Place(call.queue(), call.priority(), call.queuedMs()) : null;
        }
    }

    /** The changes of one statement: per queue, tree and node, the difference. */
    static final class Moves {
        private final Map<String, Map<Integer, TreeMap<Long, Long>>> deltas = new TreeMap<>();

        Moves leave(Place p) {
            return p == null ? this : add(p, -1);
        }

        Moves enter(Place p) {
            return p == null ? this : add(p, +1);
        }

        /** Priority only: the arrival tree does not change. */
        Moves reprioritize(String queue, int from, int to, long queuedMs) {
            add(queue, QUEUE_ORDER, pathOf(orderIndex(from, queuedMs), ORDER_LEVELS), -1);
            add(queue, QUEUE_ORDER, pathOf(orderIndex(to, queuedMs), ORDER_LEVELS), +1);
            return this;
        }

        private Moves add(Place p, int sign) {
            add(p.queue(), QUEUE_ORDER, pathOf(orderIndex(p.priority(), p.queuedMs()), ORDER_LEVELS), sign);
            add(p.queue(), ARRIVAL, pathOf(arrivalIndex(p.queuedMs()), ARRIVAL_LEVELS), sign);
            return this;
        }

        private void add(String queue, int ordering, List<Long> nodes, int sign) {
            TreeMap<Long, Long> tree = deltas.computeIfAbsent(queue, q -> new TreeMap<>())
                    .computeIfAbsent(ordering, o -> new TreeMap<>());
            for (long node : nodes) tree.merge(node, (long) sign, Long::sum);
        }
    }

    /** The most rows one statement writes (4 parameters each, far below the drivers' limits on parameters). */
    static final int ROWS_PER_STATEMENT = 1_000;

    /**
     * Writes the moves in one statement (more only past {@link #ROWS_PER_STATEMENT} rows: the aging of a long
     * queue), the rows in key order: PostgreSQL's {@code INSERT … ON CONFLICT DO UPDATE}, H2's {@code MERGE …
     * USING} (H2 in PostgreSQL mode has no {@code DO UPDATE}). Nodes whose moves cancel out are not written.
     */
    void write(Tx tx, Moves moves) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        moves.deltas.forEach((queue, trees) -> trees.forEach((ordering, nodes) -> nodes.forEach((node, delta) -> {
            if (delta != 0) rows.add(new Object[] {queue, ordering, node, delta});
        })));
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            write(tx, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void write(Tx tx, List<Object[]> rows) throws SQLException {
        List<Object> params = new ArrayList<>(rows.size() * 4);
        StringJoiner values = new StringJoiner(", ");
        for (Object[] row : rows) {
            values.add(params.isEmpty() && !postgres
                    ? "(CAST(? AS VARCHAR(32)), CAST(? AS SMALLINT), CAST(? AS BIGINT), CAST(? AS BIGINT))"
                    : "(?, ?, ?, ?)");
            params.addAll(List.of(row));
        }
        String sql = postgres
                ? "INSERT INTO queue_rank (queue_name, ordering, node, waiting) VALUES " + values
                        + " ON CONFLICT (queue_name, ordering, node) DO UPDATE SET waiting = queue_rank.waiting + EXCLUDED.waiting"
                : "MERGE INTO queue_rank r USING (VALUES " + values + ") AS v(queue_name, ordering, node, delta)"
                        + " ON r.queue_name = v.queue_name AND r.ordering = v.ordering AND r.node = v.node"
                        + " WHEN MATCHED THEN UPDATE SET waiting = r.waiting + v.delta"
                        + " WHEN NOT MATCHED THEN INSERT (queue_name, ordering, node, waiting)"
                        + " VALUES (v.queue_name, v.ordering, v.node, v.delta)";
        Sql.update(tx.c(), sql, params.toArray());
    }

    /**
     * A scalar subquery: the count of the indexes 1..{@code index} of a queue's tree (its one parameter is the
     * queue's name). The nodes are numbers this class computed, written as literals.
     */
    static String prefixSql(int ordering, long index) {
        List<Long> nodes = prefixOf(index);
        StringJoiner in = new StringJoiner(", ", "(", ")");
        if (nodes.isEmpty()) in.add("0");
        for (long n : nodes) in.add(Long.toString(n));
        return "(SELECT COALESCE(SUM(waiting), 0) FROM queue_rank WHERE queue_name = ? AND ordering = " + ordering
                + " AND node IN " + in + ")";
    }

    /** The queue's waiting calls: the root of its queue-order tree. */
    static String totalSql() {
        return prefixSql(QUEUE_ORDER, 1L << ORDER_LEVELS);
    }

    /** Removes the nodes that count nothing any more (a missing node counts 0). */
    void purge(Tx tx) throws SQLException {
        Sql.update(tx.c(), "DELETE FROM queue_rank WHERE waiting = 0");
    }
}
