package org.ivrgateway.core.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * Running sums of the queue stays per queue and minute (docs/STATISTICS.md, "Cost"; docs/REPORTS.md,
 * "Keeping"): {@code queue_window_minute} by the minute a stay left its queue (the statistics window),
 * {@code queue_report_minute} by the minute it entered it (the reports). {@link Visits} calls
 * {@link #changed} with every stay it changes, before and after, in the same transaction; the sums move by
 * the difference of what the stay counted for. What a stay counts for is written once, in
 * {@link #window(Stay)} and {@link #report(Stay)}, which also sum the raw stays wherever the sums do not
 * reach (the part of a minute at the window's start; the history stored before the sums began).
 */
public final class QueueSums {
    static final long MINUTE = 60_000L;
    /** The threshold of a queue that is not in {@code queues[]} (a callback queue). */
    public static final int DEFAULT_THRESHOLD_SECONDS = 20;
    /** Outcomes of a stay that ended without an agent: the caller hung up, it overflowed, or the IVR took it back. */
    private static final Set<String> UNANSWERED = Set.of(Visits.ABANDONED, Visits.OVERFLOW, Visits.DEQUEUED);

    // Columns of queue_window_minute, in the order of the vectors of window(Stay).
    private static final String[] WINDOW = {"answered", "answered_wait_ms", "answered_within", "unanswered_late",
            "handled", "handle_ms"};
    // Columns of queue_report_minute but longest_wait_ms, in the order of the vectors of report(Stay).
    private static final String[] REPORT = {"offered", "answered", "answered_within", "answered_wait_ms",
            "abandoned_within", "abandoned_after", "overflowed", "overflowed_late", "handled", "handle_ms"};
    private static final String WINDOW_TABLE = "queue_window_minute";
    private static final String REPORT_TABLE = "queue_report_minute";

    private final CenterConfig config;
    /** queue_sums_since.since_ms: written once by the migration, so read once. */
    private volatile Long since;

    public QueueSums(CenterConfig config) {
        this.config = config;
    }

    /** One stay as stored in queue_visit. */
    public record Stay(long visitId, String queue, long entered, Long left, String outcome, String agentId,
                       Long handledUntil) {
        boolean ended() {
            return left != null && outcome != null;
        }

        long waitMs() {
            return left - entered;
        }

        Stay leaving(long at, String outcome, String agentId) {
            return new Stay(visitId, queue, entered, at, outcome, agentId, handledUntil);
        }

        Stay withOutcome(String outcome) {
            return new Stay(visitId, queue, entered, left, outcome, agentId, handledUntil);
        }

        Stay handledAt(long at) {
            return new Stay(visitId, queue, entered, left, outcome, agentId, at);
        }

        Stay reopened() {
            return new Stay(visitId, queue, entered, null, null, null, handledUntil);
        }
    }

    static final String STAY_COLUMNS = "visit_id, queue_name, entered_ms, left_ms, outcome, agent_id, handled_until_ms";

    static Stay stay(ResultSet rs) throws SQLException {
        return new Stay(rs.getLong(1), rs.getString(2), rs.getLong(3), Sql.longOrNull(rs, "left_ms"), rs.getString(5),
                rs.getString(6), Sql.longOrNull(rs, "handled_until_ms"));
    }

    public int thresholdSeconds(String queue) {
        return config.queue(queue).map(QueueConfig::serviceLevelSeconds).orElse(DEFAULT_THRESHOLD_SECONDS);
    }

    static long minute(long ms) {
        return Math.floorDiv(ms, MINUTE) * MINUTE;
    }

    // What one stay counts for

    /** The stay's part of the window sums ({@link #WINDOW} order), or null when it counts for nothing there. */
    long[] window(Stay s) {
        if (!s.ended()) return null;
        long wait = s.waitMs();
        boolean within = wait <= thresholdSeconds(s.queue()) * 1000L;
        if (Visits.ANSWERED.equals(s.outcome())) {
            long[] v = {1, wait, within ? 1 : 0, 0, 0, 0};
            if (s.handledUntil() != null) {
                int wrapUp = config.agent(s.agentId()).map(AgentConfig::wrapUpSeconds).orElse(0);
                v[4] = 1;
                v[5] = s.handledUntil() - s.left() + wrapUp * 1000L;
            }
            return v;
        }
        return UNANSWERED.contains(s.outcome()) && !within ? new long[] {0, 0, 0, 1, 0, 0} : null;
    }

    /** The stay's part of the report sums ({@link #REPORT} order); every stay is offered. */
    long[] report(Stay s) {
        long[] v = new long[REPORT.length];
        v[0] = 1;
        if (!s.ended()) return v;
        long wait = s.waitMs();
        boolean within = wait <= thresholdSeconds(s.queue()) * 1000L;
        switch (s.outcome()) {
            case Visits.ANSWERED -> {
                v[1] = 1;
                v[2] = within ? 1 : 0;
                v[3] = wait;
                if (s.handledUntil() != null) {
                    v[8] = 1;
                    v[9] = s.handledUntil() - s.left();
                }
            }
            case Visits.ABANDONED -> v[within ? 4 : 5] = 1;
            case Visits.OVERFLOW -> {
                v[6] = 1;
                v[7] = within ? 0 : 1;
            }
            default -> { }
        }
        return v;
    }

    // Writing

    private record Key(String table, String queue, long minute) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = table.compareTo(o.table);
            if (c == 0) c = queue.compareTo(o.queue);
            return c != 0 ? c : Long.compare(minute, o.minute);
        }
    }

    private static final class Delta {
        final long[] sums;
        long longest = Long.MIN_VALUE;
        boolean longestMayShrink;

        Delta(int n) {
            sums = new long[n];
        }

        boolean isZero() {
            for (long v : sums) if (v != 0) return false;
            return longest == Long.MIN_VALUE && !longestMayShrink;
        }
    }

    /**
     * The stays {@code before} became {@code after} (the same stays, in the same order; an empty {@code before}
     * for a new stay): the sums move by the difference. The rows are written in key order, so two transactions
     * never wait for each other's rows in opposite orders.
     */
    void changed(Tx tx, List<Stay> before, List<Stay> after) throws SQLException {
        long since = since(tx);
        Map<Key, Delta> deltas = new TreeMap<>();
        for (int i = 0; i < after.size(); i++) {
            Stay old = i < before.size() ? before.get(i) : null;
            Stay now = after.get(i);
            if (old != null) addWindow(deltas, old, since, -1);
            addWindow(deltas, now, since, 1);
            if (now.entered() < since) continue;
            Key key = new Key(REPORT_TABLE, now.queue(), minute(now.entered()));
            Delta d = deltas.computeIfAbsent(key, k -> new Delta(REPORT.length));
            if (old != null) subtract(d.sums, report(old));
            add(d.sums, report(now));
            if (now.ended()) d.longest = Math.max(d.longest, now.waitMs());
            if (old != null && old.ended() && !now.ended()) d.longestMayShrink = true;
        }
        for (Map.Entry<Key, Delta> e : deltas.entrySet()) {
            if (!e.getValue().isZero()) write(tx, e.getKey(), e.getValue(), since);
        }
    }

    private void addWindow(Map<Key, Delta> deltas, Stay s, long since, int sign) {
        long[] v = window(s);
        if (v == null || s.left() < since) return;
        Delta d = deltas.computeIfAbsent(new Key(WINDOW_TABLE, s.queue(), minute(s.left())), k -> new Delta(WINDOW.length));
        if (sign > 0) add(d.sums, v);
        else subtract(d.sums, v);
    }

    /** Adds the delta to its row: an UPDATE, or when the row is not there yet, an INSERT of it (portable upsert). */
    private void write(Tx tx, Key key, Delta d, long since) throws SQLException {
        String[] columns = key.table().equals(WINDOW_TABLE) ? WINDOW : REPORT;
        boolean report = key.table().equals(REPORT_TABLE);
        StringBuilder set = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (d.sums[i] == 0) continue;
            if (!set.isEmpty()) set.append(", ");
            set.append(columns[i]).append(" = ").append(columns[i]).append(" + ?");
            params.add(d.sums[i]);
        }
        if (report && d.longest != Long.MIN_VALUE) {
            if (!set.isEmpty()) set.append(", ");
            set.append("longest_wait_ms = GREATEST(longest_wait_ms, ?)");
            params.add(d.longest);
        }
        if (!set.isEmpty()) {
            params.add(key.queue());
            params.add(key.minute());
            String update = "UPDATE " + key.table() + " SET " + set + " WHERE queue_name = ? AND minute_ms = ?";
            if (Sql.update(tx.c(), update, params.toArray()) == 0) {
                // Another transaction may insert the row meanwhile: ON CONFLICT DO NOTHING waits for it, and the
                // UPDATE then adds to the row it committed.
                List<Object> values = new ArrayList<>(List.of(key.queue(), key.minute()));
                for (long v : d.sums) values.add(v);
                if (report) values.add(Math.max(0, d.longest));
                String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
                String insert = "INSERT INTO " + key.table() + " (queue_name, minute_ms, " + String.join(", ", columns)
                        + (report ? ", longest_wait_ms" : "") + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING";
                if (Sql.update(tx.c(), insert, values.toArray()) == 0) Sql.update(tx.c(), update, params.toArray());
            }
        }
        if (d.longestMayShrink) {
            // A stay that had ended goes on again (ring no answer): the longest wait of its minute is read again.
            Sql.update(tx.c(), "UPDATE queue_report_minute SET longest_wait_ms = COALESCE((SELECT MAX(left_ms - entered_ms)"
                            + " FROM queue_visit WHERE queue_name = ? AND entered_ms >= ? AND entered_ms < ?"
                            + " AND left_ms IS NOT NULL AND outcome IS NOT NULL), 0) WHERE queue_name = ? AND minute_ms = ?",
                    key.queue(), Math.max(key.minute(), since), key.minute() + MINUTE, key.queue(), key.minute());
        }
    }

    private static void add(long[] into, long[] v) {
        if (v != null) for (int i = 0; i < v.length; i++) into[i] += v[i];
    }

    private static void subtract(long[] into, long[] v) {
        if (v != null) for (int i = 0; i < v.length; i++) into[i] -= v[i];
    }

    long since(Tx tx) throws SQLException {
        Long s = since;
        if (s == null) {
            s = Sql.one(tx.c(), "SELECT since_ms FROM queue_sums_since WHERE id = 1", rs -> rs.getLong(1)).orElse(0L);
            since = s;
        }
        return s;
    }

    void purge(Tx tx, long beforeMs) throws SQLException {
        Sql.update(tx.c(), "DELETE FROM queue_window_minute WHERE minute_ms < ?", minute(beforeMs));
        Sql.update(tx.c(), "DELETE FROM queue_report_minute WHERE minute_ms < ?", minute(beforeMs));
    }

    // Reading

    /**
     * The window sums ({@link #WINDOW} order: answered, their wait, answered within the threshold, unanswered
     * after it, handled, their handling time with wrap-up) of the stays of {@code queue} that left it at or
     * after {@code from}: at most 31 rows of sums, and the raw stays of at most half a minute — the part of
     * the minute {@code from} falls in that the rows cannot split (or, before the sums began, the stays
     * stored before).
     */
    public long[] window(Tx tx, String queue, long from) throws SQLException {
        long since = since(tx);
        if (from < since) return plus(stored(tx, queue, minute(since)), scan(tx, queue, from, since));
        long m0 = minute(from);
        if (from == m0) return stored(tx, queue, m0);
        if (from - m0 <= MINUTE / 2) {
            long[] total = stored(tx, queue, m0);
            subtract(total, scan(tx, queue, Math.max(m0, since), from));
            return total;
        }
        return plus(stored(tx, queue, m0 + MINUTE), scan(tx, queue, from, m0 + MINUTE));
    }

    private static long[] plus(long[] a, long[] b) {
        add(a, b);
        return a;
    }

    private long[] stored(Tx tx, String queue, long fromMinute) throws SQLException {
        StringBuilder select = new StringBuilder();
        for (String c : WINDOW) select.append(select.isEmpty() ? "" : ", ").append("COALESCE(SUM(").append(c).append("), 0)");
        return Sql.one(tx.c(), "SELECT " + select + " FROM queue_window_minute WHERE queue_name = ? AND minute_ms >= ?",
                rs -> {
                    long[] v = new long[WINDOW.length];
                    for (int i = 0; i < v.length; i++) v[i] = rs.getLong(i + 1);
                    return v;
                }, queue, fromMinute).orElseThrow();
    }

    private long[] scan(Tx tx, String queue, long from, long to) throws SQLException {
        long[] total = new long[WINDOW.length];
        if (from >= to) return total;
        for (Stay s : Sql.list(tx.c(), "SELECT " + STAY_COLUMNS + " FROM queue_visit WHERE queue_name = ?"
                + " AND left_ms >= ? AND left_ms < ?", QueueSums::stay, queue, from, to)) {
            add(total, window(s));
        }
        return total;
    }

    /** One queue's report sums of one minute: {@link #REPORT} order, and the longest wait of its ended stays. */
    public record ReportMinute(String queue, long minute, long[] sums, long longestWaitMs) {
        public long offered() {
            return sums[0];
        }

        public long answered() {
            return sums[1];
        }

        public long answeredWithin() {
            return sums[2];
        }

        public long answeredWaitMs() {
            return sums[3];
        }

        public long abandonedWithin() {
            return sums[4];
        }

        public long abandonedAfter() {
            return sums[5];
        }

        public long overflowed() {
            return sums[6];
        }

        public long overflowedLate() {
            return sums[7];
        }

        public long handled() {
            return sums[8];
        }

        public long handleMs() {
            return sums[9];
        }
    }

    /**
     * The report sums of every queue for the stays that entered in [{@code from}, {@code to}): the stored rows,
     * and for the part before the sums began, the same sums made here from the stored stays.
     */
    public List<ReportMinute> reportMinutes(Tx tx, long from, long to) throws SQLException {
        long since = since(tx);
        List<ReportMinute> out = new ArrayList<>(Sql.list(tx.c(), "SELECT queue_name, minute_ms, "
                        + String.join(", ", REPORT) + ", longest_wait_ms FROM queue_report_minute"
                        + " WHERE minute_ms >= ? AND minute_ms < ?", rs -> {
                    long[] v = new long[REPORT.length];
                    for (int i = 0; i < v.length; i++) v[i] = rs.getLong(i + 3);
                    return new ReportMinute(rs.getString(1), rs.getLong(2), v, rs.getLong(REPORT.length + 3));
                }, minute(from), to));
        if (from < since) {
            for (Stay s : Sql.list(tx.c(), "SELECT " + STAY_COLUMNS + " FROM queue_visit WHERE entered_ms >= ?"
                    + " AND entered_ms < ?", QueueSums::stay, from, Math.min(to, since))) {
                out.add(new ReportMinute(s.queue(), minute(s.entered()), report(s), s.ended() ? s.waitMs() : 0));
            }
        }
        return out;
    }
}
