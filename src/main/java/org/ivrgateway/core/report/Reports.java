package org.ivrgateway.core.report;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.QueueSums;
import org.ivrgateway.core.stats.Formulas;
import org.ivrgateway.core.stats.WindowSums;

/**
 * The day's reports (docs/REPORTS.md): the queues' from the running sums per queue and minute of the stays
 * ({@link QueueSums}), the agents' from their state periods ({@code agent_activity}). A day is a calendar day in the center's time zone
 * ({@code callbacks.timeZone}, UTC when not set), cut into 96 intervals of 15 minutes.
 */
public final class Reports {
    public static final int INTERVAL_MINUTES = 15;
    /** How long the history behind the reports is kept. */
    public static final int KEEP_DAYS = 35;

    private final CenterConfig config;

    public Reports(CenterConfig config) {
        this.config = config;
    }

    public ZoneId zone() {
        return config.callbacks().zone();
    }

    public Views.Report<Views.QueueDay> queues(Tx tx, LocalDate day) throws SQLException {
        long from = day.atStartOfDay(zone()).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone()).toInstant().toEpochMilli();
        long interval = INTERVAL_MINUTES * 60_000L;
        int count = (int) ((to - from + interval - 1) / interval);
        // Per queue: the sums of each interval, and of the day at index count.
        Map<String, Sums[]> byQueue = new HashMap<>();
        for (QueueSums.ReportMinute m : new QueueSums(config).reportMinutes(tx, from, to)) {
            Sums[] q = byQueue.computeIfAbsent(m.queue(), k -> Sums.day(count));
            q[(int) ((m.minute() - from) / interval)].add(m);
            q[count].add(m);
        }
        List<String> names = new ArrayList<>(config.queues().stream().map(QueueConfig::name).toList());
        names.addAll(config.callbacks().queues());
        List<Views.QueueDay> rows = new ArrayList<>();
        for (String name : names) {
            Sums[] q = byQueue.getOrDefault(name, Sums.day(count));
            List<Views.QueueInterval> intervals = new ArrayList<>();
            for (int i = 0; i < count; i++) intervals.add(q[i].figures(Instant.ofEpochMilli(from + i * interval)));
            rows.add(new Views.QueueDay(name, q[count].figures(Instant.ofEpochMilli(from)), intervals));
        }
        return new Views.Report<>(day.toString(), zone().getId(), rows);
    }

    /**
     * The sums of the minutes of an interval (or a day) of one queue, and its figures; the definitions are those
     * of docs/REPORTS.md. Every minute of a day in a zone whose offsets are whole minutes lies in one interval.
     */
    private static final class Sums {
        final long[] sums = new long[10];
        long longest;

        static Sums[] day(int intervals) {
            Sums[] s = new Sums[intervals + 1];
            for (int i = 0; i < s.length; i++) s[i] = new Sums();
            return s;
        }

        void add(QueueSums.ReportMinute m) {
            for (int i = 0; i < sums.length; i++) sums[i] += m.sums()[i];
            longest = Math.max(longest, m.longestWaitMs());
        }

        Views.QueueInterval figures(Instant start) {
            QueueSums.ReportMinute m = new QueueSums.ReportMinute(null, 0, sums, longest);
            long answered = m.answered(), handled = m.handled();
            // The service level of the live statistics (one formula): overflowed calls left unanswered too.
            int serviceLevel = Formulas.serviceLevel(new WindowSums(answered, m.answeredWaitMs(), m.answeredWithin(),
                    m.abandonedAfter() + m.overflowedLate(), handled, m.handleMs()), 0);
            return new Views.QueueInterval(start, (int) m.offered(), (int) answered, (int) m.answeredWithin(),
                    (int) m.abandonedWithin(), (int) m.abandonedAfter(), (int) m.overflowed(), serviceLevel,
                    answered == 0 ? 0 : (int) Math.round(m.answeredWaitMs() / 1000.0 / answered),
                    (int) Math.round(longest / 1000.0),
                    handled == 0 ? 0 : (int) Math.round(m.handleMs() / 1000.0 / handled));
        }
    }

    private record Period(String agentId, int status, long from, Long to) {
    }

    public Views.Report<Views.AgentDay> agents(Tx tx, LocalDate day) throws SQLException {
        long from = day.atStartOfDay(zone()).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone()).toInstant().toEpochMilli();
        List<Period> periods = Sql.list(tx.c(), "SELECT agent_id, status, from_ms, to_ms FROM agent_activity"
                        + " WHERE from_ms < ? AND (to_ms IS NULL OR to_ms > ?)",
                rs -> new Period(rs.getString(1), rs.getInt(2), rs.getLong(3), Sql.longOrNull(rs, "to_ms")), to, from);
        Map<String, long[]> sums = new HashMap<>(); // calls, talk, wrap-up, available (ms)
        long end = Math.min(to, tx.now());
        for (Period p : periods) {
            long[] s = sums.computeIfAbsent(p.agentId(), k -> new long[4]);
            long length = Math.max(0, Math.min(end, p.to() == null ? end : p.to()) - Math.max(from, p.from()));
            AgentStatus status = AgentStatus.of(p.status());
            if (status == AgentStatus.TALKING) {
                if (p.from() >= from) s[0]++;
                s[1] += length;
            } else if (status == AgentStatus.WORK) {
                s[2] += length;
            } else if (status == AgentStatus.AVAILABLE) {
                s[3] += length;
            }
        }
        List<Views.AgentDay> rows = new ArrayList<>();
        for (AgentConfig a : config.agents()) {
            long[] s = sums.getOrDefault(a.id(), new long[4]);
            rows.add(new Views.AgentDay(a.id(), a.name(), (int) s[0], s[1] / 1000, s[2] / 1000, s[3] / 1000));
        }
        return new Views.Report<>(day.toString(), zone().getId(), rows);
    }
}
