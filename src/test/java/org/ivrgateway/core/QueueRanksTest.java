package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.ivrgateway.testing.MutableClock;

/**
 * The queue ranks (core.call.QueueRanks, docs/STATISTICS.md, "Cost") against the COUNT queries they replaced,
 * on random days driven through the real contact center on H2 and on the embedded PostgreSQL: calls enqueued
 * with random priorities (ties of priority and of instant on purpose), enqueued again into the same or another
 * queue, reserved for an agent, dequeued, transferred to another queue's pilot, disconnected by the script or by
 * the caller, cleared while waiting, ringing or talking; agents made available (the
 * router hands them calls), unavailable or logged off while a call rings at them; answers, ring-no-answer by
 * report and by timer, overflows into another queue's pilot and arrivals there; the clock moved by less than a
 * second or by up to two minutes, with the timers fired (overflow, ring-no-answer, priorities aging in Support).
 * After every step, for every queue: each waiting call's PositionInQueue (QueryCallStatus and
 * {@link Calls#position}), CallsInQueue (QueryQueueStatistics, the Enqueue that made the step, and
 * {@link Calls#countQueuedIn}), the calls ahead of Enqueue's estimate for every priority around the waiting
 * ones ({@link Calls#countQueuedFrom}), and the oldest call and the calls waiting beyond an instant
 * ({@link Calls#waiting}) are what the old COUNT queries over ivr_call give ({@link Oracle}).
 *
 * <p>Runs from {@link QueueRanksInJupiterTest} (as CoreInvariantsTest does from CoreInvariantsInJupiterTest).
 * Replaying a failure: put jqwik's {@code seed} into the failing property and run
 * {@code -Dtest=QueueRanksTest#ranksAreTheCountsOnH2}.
 */
class QueueRanksTest {
    static final Instant START = Instant.parse("2025-03-04T09:00:00Z");
    static final String[] IVR_DEVICES = {"36200", "36201", "36202"};
    static final String[] AGENTS = {"790006", "790007", "790008"};
    static final String[] AGENT_DEVICES = {"5001", "5002", "5003"};
    /** CoreInvariantsTest's center (centers/invariants-center.yaml): every timer of the core runs in it. */
    static final CenterConfig CONFIG = CoreInvariantsTest.Stores.CONFIG;
    static final List<String> QUEUES = CONFIG.queues().stream().map(QueueConfig::name).toList();
    static final int CALLS = 8;

    enum Kind { NEW, ENQUEUE, FOR_AGENT, DEQUEUE, CLEARED, AVAILABLE, UNAVAILABLE, LOGOUT, ANSWERED, NO_ANSWER,
        ARRIVED, TRANSFER, DISCONNECT, CALLER_DISCONNECTED, TICK, MOVE }

    static final java.util.Set<Kind> NAMES_A_CALL = java.util.EnumSet.of(Kind.ENQUEUE, Kind.FOR_AGENT, Kind.DEQUEUE,
            Kind.CLEARED, Kind.ANSWERED, Kind.NO_ANSWER, Kind.ARRIVED, Kind.TRANSFER, Kind.DISCONNECT,
            Kind.CALLER_DISCONNECTED);

    /** One step; {@code call} picks one of the calls made so far, {@code agent} one agent. */
    record Step(Kind kind, int call, int queue, int priority, int agent, int ivrHold, long advanceMs) {
        @Override
        public String toString() {
            return switch (kind) {
                case NEW, ENQUEUE -> kind + " call" + call + " into " + QUEUES.get(queue) + " at " + priority
                        + " ivrHold " + ivrHold;
                case FOR_AGENT -> kind + " call" + call + " into " + QUEUES.get(queue) + " at " + priority + " for "
                        + AGENTS[agent];
                case AVAILABLE, UNAVAILABLE, LOGOUT -> kind + " " + AGENTS[agent];
                case ARRIVED -> "call" + call + " ARRIVED at the pilot of " + QUEUES.get(queue);
                case TRANSFER -> "TRANSFER call" + call + " to the pilot of " + QUEUES.get(queue);
                case CALLER_DISCONNECTED -> kind + " call" + call + " TermType " + ivrHold;
                case TICK, MOVE -> kind + " +" + advanceMs + "ms";
                default -> kind + " call" + call;
            };
        }
    }

    @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
    void ranksAreTheCountsOnH2(@ForAll("days") List<Step> steps) throws Exception {
        run(TestDatabases.h2(), steps);
        for (String r : Day.REACHED) {
            Statistics.label(r).coverage(c -> c.check(true).percentage(p -> p >= 5));
        }
    }

    @Property(tries = 15, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(CoreInvariantsTest.PostgresEnabled.class)
    void ranksAreTheCountsOnPostgres(@ForAll("days") List<Step> steps) throws Exception {
        run(TestDatabases.postgres(), steps);
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Kind.NEW)),
                Tuple.of(3, Arbitraries.just(Kind.ENQUEUE)), Tuple.of(1, Arbitraries.just(Kind.FOR_AGENT)),
                Tuple.of(2, Arbitraries.just(Kind.DEQUEUE)), Tuple.of(2, Arbitraries.just(Kind.CLEARED)),
                Tuple.of(3, Arbitraries.just(Kind.AVAILABLE)), Tuple.of(1, Arbitraries.just(Kind.UNAVAILABLE)),
                Tuple.of(1, Arbitraries.just(Kind.LOGOUT)), Tuple.of(2, Arbitraries.just(Kind.ANSWERED)),
                Tuple.of(1, Arbitraries.just(Kind.NO_ANSWER)), Tuple.of(2, Arbitraries.just(Kind.ARRIVED)),
                Tuple.of(1, Arbitraries.just(Kind.TRANSFER)), Tuple.of(1, Arbitraries.just(Kind.DISCONNECT)),
                Tuple.of(1, Arbitraries.just(Kind.CALLER_DISCONNECTED)),
                Tuple.of(4, Arbitraries.just(Kind.TICK)), Tuple.of(3, Arbitraries.just(Kind.MOVE)));
        // Few priorities, so that ties are common; Support's calls age up to 100.
        Arbitrary<Integer> priority = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(1, 5, 99, 100)),
                Tuple.of(1, Arbitraries.integers().between(1, 100)));
        // A TICK moves the clock by less than a second or so (calls of one second, or of two); a MOVE past the
        // timers: Support's aging (10 s), ring-no-answer (15 and 20 s), Sales's overflow (120 s).
        Arbitrary<Long> tick = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 1_500)),
                Tuple.of(1, Arbitraries.of(999L, 1_000L, 1_001L)));
        Arbitrary<Long> move = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(10_000L, 21_000L, 60_000L, 121_000L)),
                Tuple.of(1, Arbitraries.longs().between(1_000, 130_000)));
        Arbitrary<Step> step = Combinators.combine(kind, Arbitraries.integers().between(0, CALLS - 1),
                Arbitraries.integers().between(0, QUEUES.size() - 1), priority,
                Arbitraries.integers().between(0, AGENTS.length - 1), Arbitraries.integers().between(0, 1), tick, move)
                .as((k, call, queue, p, agent, hold, t, m) -> new Step(k, call, queue, p, agent, hold,
                        k == Kind.MOVE ? m : t));
        return step.list().ofMinSize(10).ofMaxSize(60);
    }

    /**
     * Runs one day on a database of its own. What the days reached goes into jqwik's report; the H2 property,
     * whose tries make the shares stable, fails when one of them is reached by fewer than 5% of its days.
     */
    private static Day run(TestDatabase test, List<Step> steps) throws Exception {
        try (test) {
            Database db = test.open();
            MutableClock clock = new MutableClock(START);
            ContactCenter center = new ContactCenter(db, CONFIG, clock);
            try {
                Day day = new Day(db, clock, center);
                day.live(steps);
                return day;
            } finally {
                center.close();
            }
        }
    }

    /** One try: the center, the calls it made, and the oracle's view of the same database. */
    private static final class Day {
        final MutableClock clock;
        final ContactCenter center;
        final Store store;
        final Calls calls;
        /** For QueryQueueStatistics. */
        final String supervisor;
        final List<String> made = new ArrayList<>();
        /** The session of each call's script (a session acts on the call its QueryCallInfo found only). */
        final Map<String, String> sessionOf = new HashMap<>();
        int devices;
        /** CallsInQueue of the Enqueue of the last step, and its queue, checked against the oracle. */
        Integer enqueued;
        String enqueuedIn;

        Day(Database db, MutableClock clock, ContactCenter center) {
            this.clock = clock;
            this.center = center;
            this.store = new Store(db, clock, new Signals());
            this.calls = new Calls(db.isPostgres());
            String s = ok(center.initialize("10.0.0.9", "9999", "6000@localhost", 10_000)).string("SessionID");
            ok(center.setCallInfo(s, "4165550199", "69030"));
            ok(center.queryCallInfo(s, "9999", "1;"));
            this.supervisor = s;
        }

        void live(List<Step> steps) {
            for (Step s : steps) {
                enqueued = null;
                enqueuedIn = null;
                try {
                    apply(s);
                } catch (IvrException refused) {
                    // a step the call's state does not allow (answer a call that does not ring, …) changes nothing
                }
                check(s);
                reached();
            }
            for (String r : REACHED) Statistics.label(r).collect(reached.contains(r));
        }

        /** What the days reach, for jqwik's report: days that never tie, age or overflow would test little. */
        static final List<String> REACHED = List.of("3 waiting in a queue", "a tie of priority and second",
                "an aged priority", "an overflow", "a ring-no-answer", "a call back in its queue from ringing");
        final java.util.Set<String> reached = new java.util.HashSet<>();
        final Map<String, Integer> lastStatus = new HashMap<>();

        private void reached() {
            store.transaction(tx -> {
                for (String q : QUEUES) {
                    List<CallRow> waiting = calls.queuedIn(tx, q);
                    if (waiting.size() >= 3) reached.add("3 waiting in a queue");
                    for (int i = 1; i < waiting.size(); i++) {
                        CallRow a = waiting.get(i - 1);
                        CallRow b = waiting.get(i);
                        if (a.priority().equals(b.priority()) && a.queuedMs() / 1000 == b.queuedMs() / 1000) {
                            reached.add("a tie of priority and second");
                        }
                    }
                    for (CallRow c : waiting) {
                        if (c.basePriority() != null && c.priority() > c.basePriority()) reached.add("an aged priority");
                        if (Integer.valueOf(CallStatus.WAITING.code()).equals(lastStatus.get(c.callId()))) {
                            reached.add("a call back in its queue from ringing");
                        }
                    }
                }
                Sql.list(tx.c(), "SELECT call_id, status FROM ivr_call", rs -> lastStatus.put(rs.getString(1), rs.getInt(2)));
                if (lastStatus.containsValue(CallStatus.NO_ANSWER.code())) reached.add("an overflow");
                if (Sql.count(tx.c(), "SELECT COUNT(*) FROM agent_state WHERE reason IS NOT NULL") > 0) {
                    reached.add("a ring-no-answer");
                }
                return null;
            });
        }

        private String call(int pick) {
            return made.isEmpty() ? null : made.get(pick % made.size());
        }

        private void apply(Step s) {
            String q = QUEUES.get(s.queue());
            String callId = call(s.call());
            if (callId == null && NAMES_A_CALL.contains(s.kind())) return;
            switch (s.kind()) {
                case NEW -> {
                    String device = IVR_DEVICES[devices++ % IVR_DEVICES.length];
                    String id = center.offer(device, "41655501" + (10 + made.size() % 90), "69030", null);
                    String session = ok(center.initialize("10.0.0.1", String.valueOf(100 + made.size()),
                            "6000@localhost", 10_000)).string("SessionID");
                    assertEquals(id, ok(center.queryCallInfo(session, device, null)).string("CallID"));
                    made.add(id);
                    sessionOf.put(id, session);
                    enqueue(id, s, q);
                }
                case ENQUEUE -> enqueue(callId, s, q);
                case FOR_AGENT -> {
                    placed(q, center.enqueueForAgent(sessionOf.get(callId), callId, s.ivrHold(), q, s.priority(),
                            "for", AGENTS[s.agent()], 30, null));
                }
                case DEQUEUE -> center.dequeue(sessionOf.get(callId), callId);
                case CLEARED -> center.cleared(callId);
                case AVAILABLE -> {
                    center.login(AGENTS[s.agent()], AGENT_DEVICES[s.agent()]);
                    center.changeState(AGENTS[s.agent()], AgentStatus.AVAILABLE);
                }
                case UNAVAILABLE -> center.changeState(AGENTS[s.agent()], AgentStatus.UNAVAILABLE);
                case LOGOUT -> center.logout(AGENTS[s.agent()]);
                case ANSWERED -> center.answered(callId);
                case NO_ANSWER -> center.noAnswer(callId);
                case ARRIVED -> center.arrived(CONFIG.queue(q).orElseThrow().pilot(), null, callId);
                case TRANSFER -> center.transfer(sessionOf.get(callId), callId, CONFIG.queue(q).orElseThrow().pilot());
                case DISCONNECT -> center.disconnect(sessionOf.get(callId), callId);
                case CALLER_DISCONNECTED -> center.callerDisconnected(sessionOf.get(callId), callId, s.ivrHold());
                case TICK, MOVE -> {
                    clock.advance(Duration.ofMillis(s.advanceMs()));
                    center.runTimers();
                }
            }
        }

        private void enqueue(String callId, Step s, String q) {
            if (callId == null) return;
            placed(q, center.enqueue(sessionOf.get(callId), callId, s.ivrHold(), q, s.priority(), "ranks", null));
        }

        private void placed(String q, Result r) {
            Statistics.label("Enqueue's return code").collect(r.returnCode());
            if (r.returnCode() == 0) {
                enqueued = r.integer("CallsInQueue");
                enqueuedIn = q;
            }
        }

        /** Every figure the ranks give against the oracle, and the queues' agents by state. */
        private void check(Step step) {
            Map<String, Views.Queue> views = new HashMap<>();
            for (Views.Queue v : center.queues()) views.put(v.name(), v);
            Map<String, AgentStatus> stored = store.transaction(tx -> Oracle.agentStates(tx));
            for (String q : QUEUES) {
                assertEquals(Oracle.agentsByStatus(stored, q), views.get(q).agentsByStatus(),
                        "the agents of " + q + " by state after " + step);
                List<CallRow> waiting = Oracle.assertRanks(store, calls, q, clock.millis(), "after " + step);
                if (q.equals(enqueuedIn)) {
                    assertEquals(waiting.size(), (int) enqueued, "Enqueue's CallsInQueue in " + q + " after " + step);
                }
                Result stats = center.queryQueueStatistics(supervisor, q, null);
                assertEquals(0, stats.returnCode(), stats.detail());
                assertEquals(waiting.size(), stats.integer("CallsInQueue"),
                        "QueryQueueStatistics of " + q + " after " + step);
                for (CallRow c : waiting) {
                    Result status = center.queryCallStatus(sessionOf.get(c.callId()), c.callId(), 0);
                    assertEquals((int) store.transaction(tx -> Oracle.position(tx, c)), status.integer("PositionInQueue"),
                            "PositionInQueue of " + c.callId() + " after " + step);
                }
            }
        }
    }

    /** The COUNT queries the ranks replaced (Calls.position, Calls.countQueuedIn and Statistics before V13). */
    static final class Oracle {
        /**
         * Asserts that every figure Calls reads from the ranks for {@code queue} is the oracle's: the count, each
         * waiting call's position, the calls of each priority around theirs but each of them, the oldest and the
         * calls queued before instants around theirs and around {@code now}. Returns the waiting calls.
         */
        static List<CallRow> assertRanks(Store store, Calls calls, String q, long now, String when) {
            List<CallRow> waiting = store.transaction(tx -> calls.queuedIn(tx, q));
            int count = store.transaction(tx -> count(tx, q));
            assertEquals(count, waiting.size(), "oracle and queuedIn " + when);
            assertEquals(count, (int) store.transaction(tx -> calls.countQueuedIn(tx, q)), "CallsInQueue of " + q + " " + when);
            TreeSet<Integer> priorities = new TreeSet<>(List.of(0, 1, 100, 101));
            TreeSet<Long> instants = new TreeSet<>(List.of(now, now - 20_000));
            for (CallRow c : waiting) {
                for (int d = -1; d <= 1; d++) priorities.add(c.priority() + d);
                for (long d : new long[] {-1000, -1, 0, 1, 1000}) instants.add(c.queuedMs() + d);
                assertEquals((int) store.transaction(tx -> position(tx, c)), (int) store.transaction(tx -> calls.position(tx, c)),
                        "position of " + c.callId() + " in " + q + " " + when);
            }
            for (int p : priorities) {
                for (CallRow c : waiting.isEmpty() ? List.of(notQueued()) : waiting) {
                    assertEquals((int) store.transaction(tx -> ahead(tx, q, p, c.callId())),
                            (int) store.transaction(tx -> calls.countQueuedFrom(tx, q, p, c)),
                            "calls of priority >= " + p + " in " + q + " but " + c.callId() + " " + when);
                }
            }
            for (long before : instants) {
                Calls.Waiting expected = store.transaction(tx -> waiting(tx, q, before));
                assertEquals(expected, store.transaction(tx -> calls.waiting(tx, q, before)),
                        "waiting in " + q + " before " + before + " " + when);
            }
            return waiting;
        }

        private static CallRow notQueued() {
            return new CallRow("none", "", false, null, null, null, 0, false, CallStatus.IDLE.code(), null, null,
                    null, null, null, false, null, null, null, null, null, true, null, null, false, 0, null, 0, null,
                    null, null, null);
        }

        /** Every stored agent state (what Statistics read for each figure before it read the queue's agents only). */
        static Map<String, AgentStatus> agentStates(Tx tx) throws java.sql.SQLException {
            Map<String, AgentStatus> out = new HashMap<>();
            Sql.list(tx.c(), "SELECT agent_id, status FROM agent_state", rs -> out.put(rs.getString(1),
                    AgentStatus.of(rs.getInt(2))));
            return out;
        }

        /** The configured agents of {@code queue} by state; an agent with no row is logged off. */
        static Map<AgentStatus, Integer> agentsByStatus(Map<String, AgentStatus> stored, String queue) {
            Map<AgentStatus, Integer> out = new java.util.EnumMap<>(AgentStatus.class);
            for (var agent : CONFIG.agents()) {
                if (agent.queues().contains(queue)) {
                    out.merge(stored.getOrDefault(agent.id(), AgentStatus.LOGGED_OFF), 1, Integer::sum);
                }
            }
            return out;
        }

        private static final String WAITING = " FROM ivr_call WHERE queue_name = ? AND status = 1 AND ended = FALSE";

        static int count(Tx tx, String queue) throws java.sql.SQLException {
            return (int) Sql.count(tx.c(), "SELECT COUNT(*)" + WAITING, queue);
        }

        static int position(Tx tx, CallRow call) throws java.sql.SQLException {
            String queued = "SELECT COUNT(*)" + WAITING + " AND ";
            return 1 + (int) Sql.count(tx.c(), "SELECT (" + queued + "priority >= ?) + (" + queued
                            + "priority = ? AND queued_ms < ?) + (" + queued + "priority = ? AND queued_ms = ? AND call_id < ?)",
                    call.queue(), call.priority() + 1, call.queue(), call.priority(), call.queuedMs(),
                    call.queue(), call.priority(), call.queuedMs(), call.callId());
        }

        static int ahead(Tx tx, String queue, int priority, String callId) throws java.sql.SQLException {
            return (int) Sql.count(tx.c(), "SELECT COUNT(*)" + WAITING + " AND priority >= ? AND call_id <> ?",
                    queue, priority, callId);
        }

        static Calls.Waiting waiting(Tx tx, String queue, long before) throws java.sql.SQLException {
            return Sql.one(tx.c(), "SELECT COUNT(*), MIN(queued_ms), SUM(CASE WHEN queued_ms < ? THEN 1 ELSE 0 END)"
                    + WAITING, rs -> {
                        int n = rs.getInt(1);
                        long oldest = rs.getLong(2);
                        return new Calls.Waiting(n, n == 0 ? null : oldest, rs.getInt(3));
                    }, before, queue).orElseThrow();
        }
    }

    private static Result ok(Result r) {
        assertTrue(r.returnCode() == 0, r.returnCode() + " " + r.detail());
        return r;
    }
}
