package org.ivrgateway.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.report.Reports;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.ivrgateway.testing.MutableClock;

/**
 * The running sums (core.queue.QueueSums) against the computation they replaced, on random histories of queue
 * stays, on H2 and on the embedded PostgreSQL: after every step the window sums of each queue are those the
 * old scan of the window's stays gives ({@link #scannedWindowSums}, the queries Statistics ran before), and
 * at the end (and now and then) the queue report of each day the history touched is the one the old report
 * code computed from the day's stays ({@link #scannedReport}). The steps are every change Visits makes to a
 * stay — open, close with each outcome, handled, unanswer, reopen — on a few calls in two voice queues
 * (thresholds 20 and 30 s) and a callback queue, in any order (a step that matches no stay changes nothing),
 * with clock moves that land on, beside and between minute boundaries. In a quarter of the tries the sums
 * begin in the middle of the history (queue_sums_since, as after an upgrade), so the stays before are read
 * from queue_visit. The report day is cut in a zone whose offset is not whole hours (Asia/Kathmandu, +05:45).
 */
class RunningSumsTest {
    static final String[] QUEUES = {"Sales", "Support", "CBQueue"};
    static final String[] AGENTS = {"790006", "790007"};
    static final String[] OUTCOMES = {Visits.ANSWERED, Visits.ABANDONED, Visits.OVERFLOW, Visits.DEQUEUED,
            Visits.REQUEUED};
    static final int CALLS = 5;
    static final Instant START = Instant.parse("2025-03-04T17:40:00Z"); // 23:25 in Kathmandu: the day changes
    static final CenterConfig CONFIG = ConfigLoader.parse("running-sums", """
            gateway: { maxWaitMillis: 2000 }
            platform: openscape-4000
            businessUnits: [Toronto]
            ivrDevices: ["36200"]
            agentDevices: ["5001", "5002"]
            queues:
              - { name: Sales, businessUnit: Toronto, pilot: "7000", serviceLevelSeconds: 20 }
              - { name: Support, businessUnit: Toronto, pilot: "7001", serviceLevelSeconds: 30 }
            agents:
              - { id: "790006", name: "Alan Smith", queues: [Sales, CBQueue], wrapUpSeconds: 0 }
              - { id: "790007", name: "Beatrice Leroy", queues: [Sales, Support], wrapUpSeconds: 10 }
            callbacks:
              queues: [CBQueue]
              timeZone: Asia/Kathmandu
              businessHours: { mon: "08:00-18:00" }
            """);

    /** One step: move the clock, then one change of Visits on a call. */
    record Step(long advanceMs, int action, int call, int queue, int agent, int outcome) {
        @Override
        public String toString() {
            String what = switch (action) {
                case 0 -> "open call" + call + " in " + QUEUES[queue];
                case 1 -> "close call" + call + " " + OUTCOMES[outcome] + (outcome == 0 ? " by " + AGENTS[agent] : "");
                case 2 -> "handled call" + call;
                case 3 -> "unanswer call" + call + " " + OUTCOMES[1 + outcome % 4];
                default -> "reopen call" + call;
            };
            return "+" + advanceMs + "ms " + what;
        }
    }

    record History(List<Step> steps, Long sinceOffsetMs) {
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void runningSumsAreTheScannedFiguresOnH2(@ForAll("histories") History history) throws Exception {
        run(Stores.H2, history);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(PostgresEnabled.class)
    void runningSumsAreTheScannedFiguresOnPostgres(@ForAll("histories") History history) throws Exception {
        run(Stores.POSTGRES, history);
    }

    @AfterContainer
    static void closeDatabases() {
        for (Stores s : Stores.values()) s.close();
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 95_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0L, 30_000L, 60_000L, 59_999L, 60_001L, 30_001L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(5, 20).map(m -> m * 60_000L)));
        Arbitrary<Step> step = Combinators.combine(advance, Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, CALLS - 1), Arbitraries.integers().between(0, QUEUES.length - 1),
                Arbitraries.integers().between(0, AGENTS.length - 1), Arbitraries.integers().between(0, OUTCOMES.length - 1))
                .as(Step::new);
        Arbitrary<Long> since = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just((Long) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 60 * 60_000L).map(Long::valueOf)));
        return Combinators.combine(step.list().ofMinSize(1).ofMaxSize(60), since).as(History::new);
    }

    private static void run(Stores kind, History history) throws Exception {
        Database db = kind.fresh();
        long since = history.sinceOffsetMs() == null ? 0 : START.toEpochMilli() + history.sinceOffsetMs();
        db.inTransaction(c -> Sql.update(c, "UPDATE queue_sums_since SET since_ms = ? WHERE id = 1", since));
        MutableClock clock = new MutableClock(START);
        Store store = new Store(db, clock, new Signals());
        // Made after since is set: the sums read it once.
        Visits visits = new Visits(CONFIG);
        Statistics statistics = new Statistics(CONFIG, new Agents(), new org.ivrgateway.core.call.Calls(db.isPostgres()));
        Reports reports = new Reports(CONFIG);
        int n = 0;
        for (Step s : history.steps()) {
            clock.advance(Duration.ofMillis(s.advanceMs()));
            store.transaction(tx -> {
                apply(tx, visits, s);
                return null;
            });
            store.transaction(tx -> {
                for (QueueConfig q : CONFIG.queues()) {
                    assertEquals(scannedWindowSums(tx, q), statistics.windowSums(tx, q), "window of " + q.name()
                            + " after " + s);
                }
                return null;
            });
            if (++n % 10 == 0) checkReports(store, reports, clock);
        }
        checkReports(store, reports, clock);
        // And once the whole history has left the window.
        clock.advance(Duration.ofMinutes(CONFIG.statistics().windowMinutes()));
        store.transaction(tx -> {
            for (QueueConfig q : CONFIG.queues()) assertEquals(scannedWindowSums(tx, q), statistics.windowSums(tx, q));
            return null;
        });
    }

    private static void apply(Tx tx, Visits visits, Step s) throws SQLException {
        String call = "C" + s.call();
        switch (s.action()) {
            case 0 -> visits.open(tx, call, QUEUES[s.queue()], "4165550100", "69030");
            case 1 -> visits.close(tx, call, OUTCOMES[s.outcome()], s.outcome() == 0 ? AGENTS[s.agent()] : null);
            case 2 -> visits.handled(tx, call);
            case 3 -> visits.unanswer(tx, call, OUTCOMES[1 + s.outcome() % 4]);
            default -> visits.reopen(tx, call);
        }
    }

    private static void checkReports(Store store, Reports reports, MutableClock clock) {
        store.transaction(tx -> {
            LocalDate first = START.atZone(reports.zone()).toLocalDate();
            LocalDate last = clock.instant().atZone(reports.zone()).toLocalDate();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                Views.Report<Views.QueueDay> expected = scannedReport(tx, day), actual = reports.queues(tx, day);
                assertEquals(expected.rows().size(), actual.rows().size());
                for (int q = 0; q < expected.rows().size(); q++) {
                    Views.QueueDay e = expected.rows().get(q), a = actual.rows().get(q);
                    assertEquals(e.total(), a.total(), "day " + day + " of " + e.queue());
                    assertEquals(e.intervals().size(), a.intervals().size());
                    for (int i = 0; i < e.intervals().size(); i++) {
                        assertEquals(e.intervals().get(i), a.intervals().get(i), e.queue() + " on " + day);
                    }
                }
                assertEquals(expected, actual, "report of " + day);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------
    // The computations the running sums replaced, as they were

    /** Statistics' window sums before the running sums: two aggregates of the window's stays. */
    static WindowSums scannedWindowSums(Tx tx, QueueConfig queue) throws SQLException {
        long windowStart = tx.now() - CONFIG.statistics().windowMinutes() * 60_000L;
        long thresholdMs = queue.serviceLevelSeconds() * 1000L;
        long[] s = new long[4];
        Sql.list(tx.c(), "SELECT outcome, COUNT(*), SUM(left_ms - entered_ms),"
                        + " SUM(CASE WHEN left_ms - entered_ms <= ? THEN 1 ELSE 0 END)"
                        + " FROM queue_visit WHERE queue_name = ? AND left_ms >= ? GROUP BY outcome", rs -> {
                    String outcome = rs.getString(1);
                    long count = rs.getLong(2), waitMs = rs.getLong(3), within = rs.getLong(4);
                    if (Visits.ANSWERED.equals(outcome)) {
                        s[0] = count;
                        s[1] = waitMs;
                        s[2] = within;
                    } else if (List.of(Visits.ABANDONED, Visits.OVERFLOW, Visits.DEQUEUED).contains(outcome)) {
                        s[3] += count - within;
                    }
                    return null;
                }, thresholdMs, queue.name(), windowStart);
        long[] h = new long[2];
        Sql.list(tx.c(), "SELECT agent_id, COUNT(*), SUM(handled_until_ms - left_ms) FROM queue_visit"
                        + " WHERE queue_name = ? AND left_ms >= ? AND outcome = ? AND handled_until_ms IS NOT NULL"
                        + " GROUP BY agent_id", rs -> {
                    long count = rs.getLong(2);
                    int wrapUp = CONFIG.agent(rs.getString(1)).map(AgentConfig::wrapUpSeconds).orElse(0);
                    h[0] += count;
                    h[1] += rs.getLong(3) + count * wrapUp * 1000L;
                    return null;
                }, queue.name(), windowStart, Visits.ANSWERED);
        return new WindowSums(s[0], s[1], s[2], s[3], h[0], h[1]);
    }

    private record Stay(String queue, long entered, Long left, String outcome, Long handledUntil) {
    }

    /** The queue report before the running sums: the day's stays, filtered per queue and interval. */
    static Views.Report<Views.QueueDay> scannedReport(Tx tx, LocalDate day) throws SQLException {
        var zone = CONFIG.callbacks().zone();
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        List<Stay> stays = Sql.list(tx.c(), "SELECT queue_name, entered_ms, left_ms, outcome, handled_until_ms"
                        + " FROM queue_visit WHERE entered_ms >= ? AND entered_ms < ?",
                rs -> new Stay(rs.getString(1), rs.getLong(2), Sql.longOrNull(rs, "left_ms"), rs.getString(4),
                        Sql.longOrNull(rs, "handled_until_ms")), from, to);
        List<Views.QueueDay> rows = new ArrayList<>();
        for (String name : QUEUES) {
            int threshold = CONFIG.queue(name).map(QueueConfig::serviceLevelSeconds).orElse(20);
            List<Stay> mine = stays.stream().filter(s -> s.queue().equals(name)).toList();
            List<Views.QueueInterval> intervals = new ArrayList<>();
            for (long start = from; start < to; start += Reports.INTERVAL_MINUTES * 60_000L) {
                long s0 = start, end = start + Reports.INTERVAL_MINUTES * 60_000L;
                intervals.add(figures(Instant.ofEpochMilli(start),
                        mine.stream().filter(s -> s.entered() >= s0 && s.entered() < end).toList(), threshold));
            }
            rows.add(new Views.QueueDay(name, figures(Instant.ofEpochMilli(from), mine, threshold), intervals));
        }
        return new Views.Report<>(day.toString(), zone.getId(), rows);
    }

    private static Views.QueueInterval figures(Instant start, List<Stay> stays, int thresholdSeconds) {
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
        int serviceLevel = Formulas.serviceLevel(new WindowSums(answered, waitSum, inThreshold,
                abandonedLong + overflowedLate, handled, handleSum), 0);
        return new Views.QueueInterval(start, stays.size(), answered, inThreshold, abandonedShort, abandonedLong,
                overflowed, serviceLevel, answered == 0 ? 0 : (int) Math.round(waitSum / 1000.0 / answered),
                (int) Math.round(longest / 1000.0), handled == 0 ? 0 : (int) Math.round(handleSum / 1000.0 / handled));
    }

    // ---------------------------------------------------------------------------------------------------
    // Databases

    /** One database of each kind for the class; the stays and their sums are deleted before each try. */
    enum Stores {
        H2, POSTGRES;

        private TestDatabase test;
        private Database db;

        synchronized Database fresh() {
            if (db == null) {
                test = this == H2 ? TestDatabases.h2() : TestDatabases.postgres();
                db = test.open();
            }
            db.inTransaction(c -> {
                for (String t : List.of("queue_visit", "queue_window_minute", "queue_report_minute")) {
                    Sql.update(c, "DELETE FROM " + t);
                }
                return null;
            });
            return db;
        }

        synchronized void close() {
            if (test != null) test.close();
            test = null;
            db = null;
        }
    }

    /** The PostgreSQL property is skipped with -Divr.test.postgres=false, as @BothDatabases does. */
    public static final class PostgresEnabled implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return "false".equals(System.getProperty("ivr.test.postgres"))
                    ? SkipResult.skip("-Divr.test.postgres=false") : SkipResult.doNotSkip();
        }
    }
}
