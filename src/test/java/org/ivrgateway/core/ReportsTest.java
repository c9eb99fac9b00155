package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Views;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.web.rest.ReportCsv;

/**
 * A known day: calls answered within and after the threshold, abandoned short and long, overflowed. The
 * test keeps its own account of every call and computes each report figure from it, by the definitions of
 * docs/REPORTS.md; the report must agree, and its CSV must carry the same numbers.
 */
class ReportsTest {
    /** The test's own account of one queue stay: seconds waited, how it ended, seconds handled (or -1). */
    private record Stay(long waited, String outcome, long handled) {
    }

    @BothDatabases
    void everyQueueAndAgentFigureOfAKnownDay(TestDatabase db) {
        Fixture f = new Fixture(db);
        int threshold = f.config.queue(SALES).orElseThrow().serviceLevelSeconds();
        f.center.login(ALAN, "5001");
        long t0 = f.clock.millis();
        Map<String, Fixture.Script> calls = new LinkedHashMap<>();
        // All enter at t0; A and B are ahead by priority, so the one agent takes them in that order.
        Map<String, Integer> priority = Map.of("A", 9, "B", 8, "C", 5, "D", 5, "E", 5);
        for (String name : List.of("A", "B", "C", "D", "E")) {
            Fixture.Script s = f.monitored(IVR, "41655501" + name.charAt(0) % 100, "69030");
            f.center.enqueue(s.session(), s.callId(), 1, SALES, priority.get(name), null, null);
            calls.put(name, s);
        }
        List<Stay> stays = new ArrayList<>();
        long talkMs = 0;

        at(f, t0, 5);
        f.center.cleared(calls.get("C").callId());
        stays.add(new Stay(5, "abandoned", -1));

        at(f, t0, 10);
        f.center.changeState(ALAN, AgentStatus.AVAILABLE);
        assertEquals(calls.get("A").callId(), f.center.agent(ALAN).callId());
        f.center.answered(calls.get("A").callId());

        at(f, t0, 40);
        f.center.cleared(calls.get("D").callId());
        stays.add(new Stay(40, "abandoned", -1));

        at(f, t0, 70);
        f.center.cleared(calls.get("A").callId());
        stays.add(new Stay(10, "answered", 60));
        talkMs += 60_000;
        assertEquals(calls.get("B").callId(), f.center.agent(ALAN).callId());
        f.center.answered(calls.get("B").callId());

        at(f, t0, 121);
        f.center.runTimers();
        stays.add(new Stay(121, "overflowed", -1));

        at(f, t0, 130);
        f.center.cleared(calls.get("B").callId());
        stays.add(new Stay(70, "answered", 60));
        talkMs += 60_000;

        LocalDate day = Instant.ofEpochMilli(t0).atZone(ZoneOffset.UTC).toLocalDate();
        Views.Report<Views.QueueDay> report = f.center.queueReport(day);
        Views.QueueDay sales = report.rows().stream().filter(q -> q.queue().equals(SALES)).findFirst().orElseThrow();
        Views.QueueInterval expected = expected(stays, threshold);
        assertFigures(expected, sales.total());
        assertEquals(96, sales.intervals().size());
        int index = (int) ((t0 - day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()) / (15 * 60_000));
        assertFigures(expected, sales.intervals().get(index));
        assertEquals(0, sales.intervals().get(index + 1).offered());
        assertEquals(100, sales.intervals().get(index + 1).serviceLevel(), "no call: nothing missed");

        Views.AgentDay alan = f.center.agentReport(day).rows().stream().filter(a -> a.agentId().equals(ALAN))
                .findFirst().orElseThrow();
        assertEquals(stays.stream().filter(s -> s.outcome().equals("answered")).count(), alan.callsHandled());
        assertEquals(talkMs / 1000, alan.talkSeconds());
        assertEquals(0, alan.wrapUpSeconds());

        String csv = ReportCsv.queues(report);
        String totalLine = csv.lines().filter(l -> l.startsWith(day + ",Sales,total,")).findFirst().orElseThrow();
        assertEquals(String.join(",", day.toString(), "Sales", "total", String.valueOf(expected.offered()),
                String.valueOf(expected.answered()), String.valueOf(expected.answeredInThreshold()),
                String.valueOf(expected.abandonedInThreshold()), String.valueOf(expected.abandonedAfterThreshold()),
                String.valueOf(expected.overflowed()), String.valueOf(expected.serviceLevel()),
                String.valueOf(expected.averageWaitSeconds()), String.valueOf(expected.longestWaitSeconds()),
                String.valueOf(expected.averageHandleSeconds())), totalLine);
        assertTrue(ReportCsv.agents(f.center.agentReport(day)).contains(ALAN + ",Alan Smith," + alan.callsHandled()
                + "," + alan.talkSeconds() + ","));
    }

    /** The definitions of docs/REPORTS.md, applied to the test's own account. */
    private static Views.QueueInterval expected(List<Stay> stays, int threshold) {
        List<Stay> answered = stays.stream().filter(s -> s.outcome().equals("answered")).toList();
        int inThreshold = (int) answered.stream().filter(s -> s.waited() <= threshold).count();
        int abandonedShort = (int) stays.stream().filter(s -> s.outcome().equals("abandoned") && s.waited() <= threshold).count();
        int abandonedLong = (int) stays.stream().filter(s -> s.outcome().equals("abandoned") && s.waited() > threshold).count();
        int overflowed = (int) stays.stream().filter(s -> s.outcome().equals("overflowed")).count();
        long overflowedLate = stays.stream().filter(s -> s.outcome().equals("overflowed") && s.waited() > threshold).count();
        long divisor = answered.size() + abandonedLong + overflowedLate;
        int serviceLevel = divisor == 0 ? 100 : (int) (inThreshold * 100 / divisor);
        int averageWait = (int) Math.round(answered.stream().mapToLong(Stay::waited).average().orElse(0));
        int longest = (int) stays.stream().mapToLong(Stay::waited).max().orElse(0);
        int handle = (int) Math.round(answered.stream().mapToLong(Stay::handled).average().orElse(0));
        return new Views.QueueInterval(null, stays.size(), answered.size(), inThreshold, abandonedShort, abandonedLong,
                overflowed, serviceLevel, averageWait, longest, handle);
    }

    private static void assertFigures(Views.QueueInterval expected, Views.QueueInterval actual) {
        assertEquals(expected.offered(), actual.offered(), "offered");
        assertEquals(expected.answered(), actual.answered(), "answered");
        assertEquals(expected.answeredInThreshold(), actual.answeredInThreshold(), "answered in threshold");
        assertEquals(expected.abandonedInThreshold(), actual.abandonedInThreshold(), "abandoned in threshold");
        assertEquals(expected.abandonedAfterThreshold(), actual.abandonedAfterThreshold(), "abandoned after threshold");
        assertEquals(expected.overflowed(), actual.overflowed(), "overflowed");
        assertEquals(expected.serviceLevel(), actual.serviceLevel(), "service level");
        assertEquals(expected.averageWaitSeconds(), actual.averageWaitSeconds(), "average wait");
        assertEquals(expected.longestWaitSeconds(), actual.longestWaitSeconds(), "longest wait");
        assertEquals(expected.averageHandleSeconds(), actual.averageHandleSeconds(), "average handling time");
    }

    private static void at(Fixture f, long t0, int seconds) {
        f.clock.advance(java.time.Duration.ofMillis(t0 + seconds * 1000L - f.clock.millis()));
    }
}
