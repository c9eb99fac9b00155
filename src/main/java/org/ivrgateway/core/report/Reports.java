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
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.stats.Formulas;
import org.ivrgateway.core.stats.WindowSums;

/**
 * The day's reports (docs/REPORTS.md), computed from the stored history: queue stays ({@code queue_visit})
 * and agents' state periods ({@code agent_activity}). A day is a calendar day in the center's time zone
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

    private record Stay(String queue, long entered, Long left, String outcome, Long handledUntil) {
    }

    public Views.Report<Views.QueueDay> queues(Tx tx, LocalDate day) throws SQLException {
        long from = day.atStartOfDay(zone()).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone()).toInstant().toEpochMilli();
        List<Stay> stays = Sql.list(tx.c(), "SELECT queue_name, entered_ms, left_ms, outcome, handled_until_ms"
                        + " FROM queue_visit WHERE entered_ms >= ? AND entered_ms < ?",
                rs -> new Stay(rs.getString(1), rs.getLong(2), Sql.longOrNull(rs, "left_ms"), rs.getString(4),
                        Sql.longOrNull(rs, "handled_until_ms")), from, to);
        List<String> names = new ArrayList<>(config.queues().stream().map(QueueConfig::name).toList());
        names.addAll(config.callbacks().queues());
        List<Views.QueueDay> rows = new ArrayList<>();
        for (String name : names) {
            int threshold = config.queue(name).map(QueueConfig::serviceLevelSeconds).orElse(20);
            List<Stay> mine = stays.stream().filter(s -> s.queue().equals(name)).toList();
            List<Views.QueueInterval> intervals = new ArrayList<>();
            for (long start = from; start < to; start += INTERVAL_MINUTES * 60_000L) {
                long end = start + INTERVAL_MINUTES * 60_000L;
                long s0 = start;
                intervals.add(figures(Instant.ofEpochMilli(start),
                        mine.stream().filter(s -> s.entered() >= s0 && s.entered() < end).toList(), threshold));
            }
            rows.add(new Views.QueueDay(name, figures(Instant.ofEpochMilli(from), mine, threshold), intervals));
        }
        return new Views.Report<>(day.toString(), zone().getId(), rows);
    }

    /** The figures of these stays; the definitions are those of docs/REPORTS.md. */
    static Views.QueueInterval figures(Instant start, List<Stay> stays, int thresholdSeconds) {
        long threshold = thresholdSeconds * 1000L;
        int answered = 0, inThreshold = 0, abandonedShort = 0, abandonedLong = 0, overflowed = 0, handled = 0;
        int overflowedLate = 0;
        long waitSum = 0, longest = 0, handleSum = 0;
        for (Stay s : stays) {
            if (s.left() == null || s.outcome() == null) continue;
            long wait = s.left() - s.entered();
            switch (s.outcome()) {
                case Visits.ANSWERED -> {
                    answered++;
                    waitSum += wait;
                    if (wait <= threshold) inThreshold++;
                    if (s.handledUntil() != null) {
                        handled++;
                        handleSum += s.handledUntil() - s.left();
                    }
                }
                case Visits.ABANDONED -> {
                    if (wait <= threshold) abandonedShort++;
                    else abandonedLong++;
                }
                case Visits.OVERFLOW -> {
                    overflowed++;
                    if (wait > threshold) overflowedLate++;
                }
                default -> { }
            }
            longest = Math.max(longest, wait);
        }
        // The service level of the live statistics (one formula): overflowed calls left unanswered too.
        int serviceLevel = Formulas.serviceLevel(new WindowSums(answered, waitSum, inThreshold,
                abandonedLong + overflowedLate, handled, handleSum), 0);
        return new Views.QueueInterval(start, stays.size(), answered, inThreshold, abandonedShort, abandonedLong,
                overflowed, serviceLevel, answered == 0 ? 0 : (int) Math.round(waitSum / 1000.0 / answered),
                (int) Math.round(longest / 1000.0), handled == 0 ? 0 : (int) Math.round(handleSum / 1000.0 / handled));
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
