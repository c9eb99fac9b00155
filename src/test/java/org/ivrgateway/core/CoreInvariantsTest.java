package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.ivrgateway.testing.MutableClock;

/**
 * The core's invariants under random days (docs/ARCHITECTURE.md, "Tests"), with jqwik's
 * stateful testing: each try is an {@link ActionChain} of up to {@link #STEPS} steps — IVR scripts' calls
 * (Initialize and QueryCallInfo, Enqueue, EnqueueForAgent, Dequeue, Set/GetContactData, QueryCallStatus,
 * Transfer to a pilot), agents' actions (log on, AVAILABLE, UNAVAILABLE, WORK, log off), telephony reports
 * (offer with a new switchCallId, offer of a live call's switchCallId at another port, arrival at a pilot
 * naming the call or not, answered, cleared while ringing, abandoned while queued) and clock moves past
 * every timer followed by {@code runTimers()} — driven against the real {@link ContactCenter} on H2 and on
 * the embedded PostgreSQL. After every step {@link Day#check} holds; after the last, every call is
 * cleared, every timer fires, and no agent is left RINGING or TALKING and every agent can log off.
 *
 * <p>One database per kind serves every try (a fresh one per try costs more than the try); the rows of
 * the tables the migrations leave empty are deleted before each try. Calls are named in the steps' texts
 * by their rank in the day ("call#2": the third call made in the day as it ran), agents by their id, so a
 * failing chain reads as a script; a step whose call does not exist (any more) does nothing.
 *
 * <p><b>Replaying a failure.</b> jqwik prints, for a failing property, the shrunk chain of steps and a
 * line {@code seed = 1234567890}. Put that seed into the property that failed, for example
 * {@code @Property(tries = 500, seed = "1234567890")}, and run
 * {@code mvn -B -o test -Dtest=CoreInvariantsTest#invariantsHoldOnH2 -Divr.test.postgres=false} (or
 * {@code #invariantsHoldOnPostgres}); the same chain of steps runs again. jqwik also reruns the last failing sample first on the next run (its
 * database is kept in {@code target/}, see src/test/resources/junit-platform.properties).
 */
class CoreInvariantsTest {
    static final int STEPS = 100;
    static final String[] IVR_DEVICES = {"36200", "36201", "36202"};
    static final String[] AGENTS = {"790006", "790007", "790008"};
    static final String[] AGENT_DEVICES = {"5001", "5002", "5003"};
    static final String[] QUEUES = {"Sales", "Support", "Patient"};
    static final String[] PILOTS = {"7000", "7001", "7002"};
    static final String[] KEYS = {"PIN", "Account", "Note"};
    static final String[] ANIS = {"anonymous", "4165550100", "4165550101"};
    static final String DNIS = "69030";
    static final Instant START = Instant.parse("2025-03-04T09:00:00Z");

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void invariantsHoldOnH2(@ForAll("daysOnH2") ActionChain<Day> chain) {
        live(chain, true);
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(PostgresEnabled.class)
    void invariantsHoldOnPostgres(@ForAll("daysOnPostgres") ActionChain<Day> chain) {
        live(chain, false);
    }

    @Provide
    Arbitrary<ActionChain<Day>> daysOnH2() {
        return days(Stores.H2);
    }

    @Provide
    Arbitrary<ActionChain<Day>> daysOnPostgres() {
        return days(Stores.POSTGRES);
    }

    @AfterContainer
    static void closeDatabases() {
        Stores.closeAll();
    }

    /**
     * Runs one day. What the days reached goes into jqwik's report; with {@code coverage} (the H2 property,
     * whose 500 tries make the shares stable) a share below 10% fails the property: days that never ring,
     * talk, queue two calls or overflow would test little.
     */
    private static void live(ActionChain<Day> chain, boolean coverage) {
        Day day = chain.withInvariant("the core's invariants", Day::check).run();
        day.endOfDay();
        for (String reached : REACHED) {
            var label = Statistics.label(reached);
            label.collect(day.reached.contains(reached));
            if (coverage) label.coverage(c -> c.check(true).percentage(p -> p >= 10));
        }
    }

    static final List<String> REACHED = List.of("RINGING", "TALKING", "WORK", "2 queued in a queue", "overflowed",
            "ring no answer");

    private static ActionChainArbitrary<Day> days(Stores store) {
        return ActionChain.<Day>startWith(() -> new Day(store.fresh()))
                .withAction(4, new OfferNew())
                .withAction(2, new OfferAgain())
                .withAction(4, new StartScript())
                .withAction(1, new StartUnmonitored())
                .withAction(12, new ScriptStep())
                .withAction(6, new AgentStep())
                .withAction(3, new Arrival())
                .withAction(4, new CallReport("answered", 4, 0))
                .withAction(2, new CallReport("cleared", 2, 2))
                .withAction(4, new MoveClock())
                .withMaxTransformations(STEPS);
    }

    // ---------------------------------------------------------------------------------------------------
    // The day: the system under test and what the test itself knows of it

    /** One try: a contact center on a cleaned database, and the test's own record of what it did. */
    static final class Day {
        final Database db;
        final MutableClock clock = new MutableClock(START);
        final ContactCenter center;
        /** Every CallID the telephony side or an unmonitored QueryCallInfo made, in order ("call#i"). */
        final List<String> calls = new ArrayList<>();
        final Map<String, String> switchIdOf = new HashMap<>();
        /** Sessions that have queried a call, by the call's rank. */
        final Map<Integer, String> sessionOf = new HashMap<>();
        /** The contact data the test set, by CallID: what each call's data must be. */
        final Map<String, Map<String, String>> data = new HashMap<>();
        /** A session that has done QueryCallInfo, for reading positions of calls without a script. */
        final String supervisor;
        /** The live calls after the last step, for choosing the next one. */
        List<Views.Call> live = List.of();
        /** The call offered by the last step and its device, checked by the next {@link #check}. */
        Map.Entry<String, String> offeredAt;
        /** What the day reached (agents' states, a queue of two, an overflow, a ring-no-answer), for the report. */
        final Set<String> reached = new HashSet<>();
        int counter;

        Day(Database db) {
            this.db = db;
            this.center = new ContactCenter(db, Stores.CONFIG, clock);
            String s = ok(center.initialize("10.0.0.9", "9999", "6000@localhost", 10_000)).string("SessionID");
            ok(center.setCallInfo(s, "4165550199", DNIS));
            ok(center.queryCallInfo(s, "9999", "1;"));
            this.supervisor = s;
        }

        String call(int rank) {
            return rank < calls.size() ? calls.get(rank) : null;
        }

        int rank(String callId) {
            return calls.indexOf(callId);
        }

        /** The call as the views showed it after the last step (the state every step starts from). */
        Optional<Views.Call> liveCall(String callId) {
            return live.stream().filter(c -> c.callId().equals(callId)).findFirst();
        }

        void moveClock(Duration d) {
            clock.advance(d);
            center.runTimers();
        }

        /** The invariants of docs/ARCHITECTURE.md, "Tests", read through the views and the API. */
        void check() {
            try {
                checkInvariants();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + dump(), e);
            }
        }

        /** The calls and agents as the views show them, for a failure's message. */
        String dump() {
            StringBuilder out = new StringBuilder("at " + Duration.between(START, clock.instant()) + ":\n");
            Map<String, Boolean> answered = answeredFlags();
            for (Views.Call c : center.calls()) {
                out.append("  ").append(name(c.callId())).append(" status ").append(c.status()).append(" queue ")
                        .append(c.queue()).append(" priority ").append(c.priority()).append(" extension ")
                        .append(c.extension()).append(" device ").append(c.device()).append(" agent ")
                        .append(c.agentId()).append(" answered ").append(answered.get(c.callId())).append('\n');
            }
            for (Views.Agent a : center.agents()) {
                out.append("  agent ").append(a.id()).append(' ').append(a.status()).append(" call ")
                        .append(a.callId() == null ? null : name(a.callId())).append(" reason ").append(a.reason())
                        .append('\n');
            }
            return out.toString();
        }

        private void checkInvariants() {
            List<Views.Call> calls = center.calls();
            List<Views.Agent> agents = center.agents();
            Map<String, Boolean> answered = answeredFlags();
            Map<String, Views.Call> byId = new HashMap<>();
            for (Views.Call c : calls) byId.put(c.callId(), c);
            Map<String, Views.Agent> agentById = new HashMap<>();
            for (Views.Agent a : agents) agentById.put(a.id(), a);

            for (Views.Agent a : agents) {
                reached.add(a.status().name());
                if (Router.RING_NO_ANSWER.equals(a.reason())) reached.add("ring no answer");
                if (a.status() == AgentStatus.RINGING) {
                    List<Views.Call> ringing = calls.stream().filter(c -> c.status() == CallStatus.WAITING.code()
                            && a.id().equals(c.agentId()) && !answered.get(c.callId())).toList();
                    assertEquals(1, ringing.size(), "RINGING agent " + a.id() + " has one unanswered call at 2: "
                            + names(ringing));
                    assertEquals(ringing.getFirst().callId(), a.callId(), "RINGING agent " + a.id() + " holds its call");
                }
                if (a.status() == AgentStatus.TALKING) {
                    assertNotNull(a.callId(), "TALKING agent " + a.id() + " has a call");
                    Views.Call c = byId.get(a.callId());
                    assertNotNull(c, "TALKING agent " + a.id() + "'s " + name(a.callId()) + " is live");
                    assertTrue(answered.get(c.callId()), "TALKING agent " + a.id() + "'s " + name(c.callId())
                            + " was answered");
                    assertEquals(a.id(), c.agentId(), "TALKING agent " + a.id() + "'s call is assigned to them");
                }
            }
            Map<String, List<String>> queued = new TreeMap<>();
            for (Views.Call c : calls) {
                if (c.status() == CallStatus.WAITING.code() && c.agentId() != null && !answered.get(c.callId())) {
                    Views.Agent a = agentById.get(c.agentId());
                    assertEquals(AgentStatus.RINGING, a.status(), name(c.callId()) + " at 2 for " + c.agentId()
                            + ", unanswered: its agent rings");
                    assertEquals(c.callId(), a.callId(), name(c.callId()) + "'s agent " + a.id() + " rings with it");
                }
                if (c.status() == CallStatus.NO_ANSWER.code()) reached.add("overflowed");
                if (c.status() == CallStatus.QUEUED.code()) {
                    assertEquals(null, c.agentId(), name(c.callId()) + " is waiting (1) and assigned to an agent");
                    queued.computeIfAbsent(c.queue(), q -> new ArrayList<>()).add(c.callId());
                }
                Map<String, String> expected = data.getOrDefault(c.callId(), Map.of());
                assertEquals(expected, c.contactData(), "contact data of " + name(c.callId())
                        + " is what was set through its own CallID");
            }
            // positions are read again whenever the calls changed in any way (a step that changed nothing
            // cannot have moved a call in its queue: positions follow priority, queue time and CallID)
            if (calls.equals(live)) queued.clear();
            for (Map.Entry<String, List<String>> q : queued.entrySet()) {
                if (q.getValue().size() > 1) reached.add("2 queued in a queue");
                // A session acts only on the calls it found with QueryCallInfo, so each position is read through
                // the call's own session; a call that entered the queue at a pilot with no script has none.
                List<Integer> positions = new ArrayList<>();
                for (String callId : q.getValue()) {
                    String own = sessionOf.get(rank(callId));
                    if (own == null || !callId.equals(call(rank(callId)))) continue;
                    Result r = documented(center.queryCallStatus(own, callId, 0));
                    assertEquals(CallStatus.QUEUED.code(), r.returnCode(), name(callId) + " queued in the view");
                    positions.add(r.integer("PositionInQueue"));
                }
                positions.sort(null);
                int n = q.getValue().size();
                assertEquals(positions.size(), positions.stream().distinct().count(), "PositionInQueue repeated in " + q.getKey());
                assertTrue(positions.stream().allMatch(pos -> pos >= 1 && pos <= n), "PositionInQueue within 1.." + n
                        + " in " + q.getKey() + ": " + positions);
                if (positions.size() == n) {
                    assertEquals(IntStream.rangeClosed(1, n).boxed().toList(), positions, "PositionInQueue in " + q.getKey());
                }
            }
            if (offeredAt != null) {
                assertEquals(offeredAt.getValue(), byId.get(offeredAt.getKey()).device(),
                        name(offeredAt.getKey()) + " is at the device it was offered at");
                offeredAt = null;
            }
            this.live = calls;
        }

        private Map<String, Boolean> answeredFlags() {
            // answered_ms is in no view: read here with plain SQL.
            return db.inTransaction(c -> {
                Map<String, Boolean> out = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT call_id, answered_ms FROM ivr_call WHERE ended = FALSE")) {
                    while (rs.next()) {
                        String callId = rs.getString(1);
                        rs.getLong(2);
                        out.put(callId, !rs.wasNull());
                    }
                }
                return out;
            });
        }

        /** Every call ends, every timer fires: nobody is left ringing or talking, everyone can log off. */
        void endOfDay() {
            for (Views.Call c : center.calls()) center.cleared(c.callId());
            moveClock(Duration.ofHours(1));
            check();
            assertEquals(List.of(), center.calls(), "no live call after every call was cleared");
            for (Views.Agent a : center.agents()) {
                assertNotEquals(AgentStatus.RINGING, a.status(), a.id() + " rings after the day");
                assertNotEquals(AgentStatus.TALKING, a.status(), a.id() + " talks after the day");
                assertEquals(AgentStatus.LOGGED_OFF, center.logout(a.id()).status(), a.id() + " logs off");
            }
            center.close();
        }

        String name(String callId) {
            int r = rank(callId);
            return r < 0 ? callId : "call#" + r;
        }

        String names(List<Views.Call> list) {
            return list.stream().map(c -> name(c.callId())).toList().toString();
        }

        List<Integer> liveRanks(java.util.function.Predicate<Views.Call> which) {
            return live.stream().filter(which).map(c -> rank(c.callId())).filter(r -> r >= 0).toList();
        }
    }

    /** A documented answer: never -305, always a code of the guide (or a call status of QueryCallStatus). */
    static Result documented(Result r) {
        assertNotEquals(ReturnCode.UNKNOWN_ERROR.code(), r.returnCode(), "-305: " + r.detail());
        assertTrue(r.returnCode() >= 0 || ReturnCode.of(r.returnCode()).isPresent(), "undocumented " + r.returnCode());
        return r;
    }

    static Result ok(Result r) {
        assertEquals(0, documented(r).returnCode(), r.function() + ": " + r.detail());
        return r;
    }

    /** A refusal of the telephony or agent side: an IvrException with one of {@code allowed}. */
    static void refused(IvrException e, ReturnCode... allowed) {
        assertTrue(Set.of(allowed).contains(e.code()), "refused with " + e.code() + ": " + e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------
    // Telephony reports

    /** A call offered at an IVR port with a new switchCallId (or none): always a new call. */
    static final class OfferNew implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Combinators.combine(Arbitraries.of(IVR_DEVICES), Arbitraries.of(ANIS),
                    Arbitraries.integers().between(0, 9)).as((device, ani, n) -> Transformer.mutate(
                    "offer at " + device + " from " + ani + (n == 0 ? " without switchCallId" : ""), d -> {
                        String switchId = n == 0 ? null : "sip-" + (++d.counter);
                        String id = d.center.offer(device, ani, DNIS, switchId);
                        assertFalse(d.calls.contains(id), "a new switchCallId is a new call, not " + d.name(id));
                        d.calls.add(id);
                        if (switchId != null) d.switchIdOf.put(id, switchId);
                        d.offeredAt = Map.entry(id, device);
                    }));
        }
    }

    /** The switch offers a live call again (same switchCallId) at an IVR port: it is that call. */
    static final class OfferAgain implements Action.Dependent<Day> {
        @Override
        public boolean precondition(Day d) {
            return !candidates(d).isEmpty();
        }

        private static List<Integer> candidates(Day d) {
            return d.liveRanks(c -> d.switchIdOf.containsKey(c.callId()));
        }

        @Override
        public Arbitrary<Transformer<Day>> transformer(Day state) {
            return Combinators.combine(Arbitraries.of(candidates(state)), Arbitraries.of(IVR_DEVICES)).as(
                    (rank, device) -> Transformer.mutate("offer call#" + rank + " again at " + device, d -> {
                        String id = d.call(rank);
                        if (id == null || d.liveCall(id).isEmpty()) return;
                        assertEquals(id, d.center.offer(device, "anonymous", DNIS, d.switchIdOf.get(id)),
                                "a live call's switchCallId offered again is that call");
                    }));
        }
    }

    /** A call arrives at a pilot: the one it was sent to, or another; named by switchCallId, CallID or not. */
    static final class Arrival implements Action.Dependent<Day> {
        @Override
        public boolean precondition(Day d) {
            return !d.liveRanks(c -> true).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Day>> transformer(Day state) {
            return Combinators.combine(Arbitraries.of(state.liveRanks(c -> true)), Arbitraries.integers().between(0, 3),
                    Arbitraries.of("switchCallId", "CallID", "nothing")).as((rank, where, naming) -> Transformer.mutate(
                    "arrival of call#" + rank + " at " + (where == 3 ? "its pilot" : PILOTS[where]) + " naming " + naming,
                    d -> {
                        String id = d.call(rank);
                        Optional<Views.Call> call = d.liveCall(id);
                        if (call.isEmpty()) return;
                        String pilot = where < 3 ? PILOTS[where] : pilotOf(call.get());
                        String switchId = naming.equals("switchCallId") ? d.switchIdOf.get(id) : null;
                        String callId = naming.equals("CallID") ? id : null;
                        try {
                            String matched = d.center.arrived(pilot, switchId, callId);
                            if (switchId != null || callId != null) assertEquals(id, matched, "the named call arrived");
                        } catch (IvrException e) {
                            refused(e, ReturnCode.OPERATION_FAILED, ReturnCode.NO_CALL);
                        }
                    }));
        }

        private static String pilotOf(Views.Call c) {
            for (int i = 0; i < PILOTS.length; i++) {
                if (PILOTS[i].equals(c.extension())) return PILOTS[i];
            }
            for (int i = 0; i < QUEUES.length; i++) {
                if (QUEUES[i].equals(c.queue())) return PILOTS[i];
            }
            return PILOTS[0];
        }
    }

    /**
     * A report on one live call: "answered" where it was sent (mostly a call ringing at an agent) or
     * "cleared" (ringing at an agent, abandoned while queued, or anywhere).
     */
    static final class CallReport implements Action.Dependent<Day> {
        private final String what;
        private final int ringingWeight;
        private final int queuedWeight;

        CallReport(String what, int ringingWeight, int queuedWeight) {
            this.what = what;
            this.ringingWeight = ringingWeight;
            this.queuedWeight = queuedWeight;
        }

        @Override
        public boolean precondition(Day d) {
            return !d.liveRanks(c -> true).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Day>> transformer(Day state) {
            List<Integer> ringing = state.liveRanks(c -> c.status() == CallStatus.WAITING.code() && c.agentId() != null);
            List<Integer> queued = state.liveRanks(c -> c.status() == CallStatus.QUEUED.code());
            List<Tuple.Tuple2<Integer, Arbitrary<Integer>>> choices = new ArrayList<>();
            choices.add(Tuple.of(1, Arbitraries.of(state.liveRanks(c -> true))));
            if (!ringing.isEmpty() && ringingWeight > 0) choices.add(Tuple.of(ringingWeight, Arbitraries.of(ringing)));
            if (!queued.isEmpty() && queuedWeight > 0) choices.add(Tuple.of(queuedWeight, Arbitraries.of(queued)));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Arbitrary<Integer> rank = Arbitraries.frequencyOf(choices.toArray(new Tuple.Tuple2[0]));
            return rank.map(r -> Transformer.mutate(what + " call#" + r, d -> {
                String id = d.call(r);
                if (id == null) return;
                if (what.equals("answered")) {
                    d.center.answered(id);
                } else {
                    d.center.cleared(id);
                }
            }));
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // IVR scripts

    /** A script starts on a port with a call: Initialize, then QueryCallInfo gives the call shown there. */
    static final class StartScript implements Action.Dependent<Day> {
        @Override
        public boolean precondition(Day d) {
            return !d.liveRanks(c -> c.device() != null && c.monitored()).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Day>> transformer(Day state) {
            return Arbitraries.of(state.liveRanks(c -> c.device() != null && c.monitored())).map(rank -> Transformer.mutate(
                    "script starts for call#" + rank, d -> {
                        String id = d.call(rank);
                        Optional<Views.Call> call = d.liveCall(id);
                        if (call.isEmpty() || call.get().device() == null) return;
                        String device = call.get().device();
                        String session = ok(d.center.initialize("10.0.0.1", "6060", "6000@localhost", 10_000))
                                .string("SessionID");
                        Result info = ok(d.center.queryCallInfo(session, device, null));
                        assertEquals(id, info.string("CallID"), "QueryCallInfo at " + device + " gives the call there");
                        d.sessionOf.put(rank, session);
                    }));
        }
    }

    /** An unmonitored call: SetCallInfo and QueryCallInfo("1;") make it. */
    static final class StartUnmonitored implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.of(ANIS).map(ani -> Transformer.mutate("unmonitored call from " + ani, d -> {
                String session = ok(d.center.initialize("10.0.0.2", "6060", "6000@localhost", 10_000)).string("SessionID");
                ok(d.center.setCallInfo(session, ani, DNIS));
                String id = ok(d.center.queryCallInfo(session, "6060", "1;")).string("CallID");
                assertFalse(d.calls.contains(id), "an unmonitored call is a new call");
                d.calls.add(id);
                d.sessionOf.put(d.calls.size() - 1, session);
            }));
        }
    }

    /** One API function of a running script, on its call. */
    static final class ScriptStep implements Action.Dependent<Day> {
        @Override
        public boolean precondition(Day d) {
            return !d.sessionOf.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Day>> transformer(Day state) {
            Arbitrary<Integer> rank = Arbitraries.of(new ArrayList<>(new HashSet<>(state.sessionOf.keySet())));
            Arbitrary<Integer> queue = Arbitraries.integers().between(0, QUEUES.length - 1);
            Arbitrary<Integer> priority = Arbitraries.integers().between(0, 10);
            Arbitrary<Integer> other = Arbitraries.integers().between(0, 2);
            Arbitrary<Integer> wait = Arbitraries.of(5, 20, 60);
            Arbitrary<String> op = Arbitraries.of("Enqueue", "EnqueueForAgent", "Dequeue", "SetContactData",
                    "GetContactData", "QueryCallStatus", "Transfer");
            return Combinators.combine(rank, op, queue, priority, other, wait).as((r, f, q, p, o, w) -> {
                String what = switch (f) {
                    case "Enqueue" -> "Enqueue(" + QUEUES[q] + ", priority " + p + ", IVRHold " + (o % 2) + ")";
                    case "EnqueueForAgent" -> "EnqueueForAgent(" + QUEUES[q] + ", " + AGENTS[o] + ", " + w + " s)";
                    case "SetContactData", "GetContactData" -> f + "(" + KEYS[o] + ")";
                    case "Transfer" -> "Transfer(" + PILOTS[q] + ")";
                    default -> f;
                };
                return Transformer.mutate("call#" + r + "'s script: " + what, d -> run(d, r, f, q, p, o, w));
            });
        }

        private static void run(Day d, int rank, String f, int q, int p, int o, int w) {
            String session = d.sessionOf.get(rank);
            String id = d.call(rank);
            if (session == null || id == null) return;
            Result r = step(d, session, id, rank, f, q, p, o, w);
            assertNotEquals(ReturnCode.NOT_INITIALIZED.code(), r.returnCode(), "no session ends another (all on 6060)");
        }

        private static Result step(Day d, String session, String id, int rank, String f, int q, int p, int o, int w) {
            return switch (f) {
                case "Enqueue" -> documented(d.center.enqueue(session, id, o % 2, QUEUES[q], p, "random", null));
                case "EnqueueForAgent" -> documented(d.center.enqueueForAgent(session, id, 0, QUEUES[q], p, "random",
                        AGENTS[o], w, null));
                case "Dequeue" -> documented(d.center.dequeue(session, id));
                case "SetContactData" -> {
                    String value = "v" + (++d.counter) + "-of-call#" + rank;
                    Result r = documented(d.center.setContactData(session, id, KEYS[o], value));
                    if (r.returnCode() == 0) d.data.computeIfAbsent(id, k -> new HashMap<>()).put(KEYS[o], value);
                    yield r;
                }
                case "GetContactData" -> {
                    Result r = documented(d.center.getContactData(session, id, KEYS[o]));
                    String expected = d.data.getOrDefault(id, Map.of()).get(KEYS[o]);
                    if (expected != null && d.liveCall(id).isPresent()) {
                        assertEquals(0, r.returnCode(), "GetContactData of a key set on the call: " + r.detail());
                    }
                    if (r.returnCode() == 0) {
                        assertEquals(expected == null ? "" : expected, r.string("Value"),
                                "GetContactData(" + KEYS[o] + ") of " + d.name(id) + " gives what was set on it");
                    }
                    yield r;
                }
                case "QueryCallStatus" -> {
                    Optional<Views.Call> call = d.liveCall(id);
                    Result r = documented(d.center.queryCallStatus(session, id, 0));
                    int expected = call.map(Views.Call::status).orElse(CallStatus.DISCONNECT.code());
                    assertEquals(expected, r.returnCode(), "QueryCallStatus of " + d.name(id) + " as the views show it");
                    yield r;
                }
                case "Transfer" -> documented(d.center.transfer(session, id, PILOTS[q]));
                default -> throw new IllegalArgumentException(f);
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Agents and the clock

    /** An agent logs on (at their device or another's), changes state, or logs off. */
    static final class AgentStep implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, AGENTS.length - 1),
                    Arbitraries.frequency(Tuple.of(3, "login"), Tuple.of(4, "AVAILABLE"),
                            Tuple.of(1, "UNAVAILABLE"), Tuple.of(1, "WORK"),
                            Tuple.of(1, "logout")),
                    Arbitraries.integers().between(0, 5)).as((a, op, device) -> Transformer.mutate(
                    AGENTS[a] + " " + op + (op.equals("login") ? " at " + AGENT_DEVICES[device % 3] : ""), d -> {
                        String agent = AGENTS[a];
                        boolean on = d.center.agent(agent).status() != AgentStatus.LOGGED_OFF;
                        switch (op) {
                            case "login" -> {
                                // mostly their own device; sometimes another's (refused while it is in use)
                                String at = device < 3 ? AGENT_DEVICES[a] : AGENT_DEVICES[device % 3];
                                try {
                                    d.center.login(agent, at);
                                } catch (IvrException e) {
                                    refused(e, ReturnCode.OPERATION_FAILED);
                                }
                            }
                            case "logout" -> assertEquals(AgentStatus.LOGGED_OFF, d.center.logout(agent).status());
                            default -> {
                                AgentStatus wanted = AgentStatus.valueOf(op);
                                if (on) {
                                    Views.Agent after = d.center.changeState(agent, wanted);
                                    // AVAILABLE may be followed at once by a call handed to the agent
                                    if (wanted != AgentStatus.AVAILABLE) assertEquals(wanted, after.status());
                                } else {
                                    try {
                                        d.center.changeState(agent, wanted);
                                        fail(agent + " is logged off and changed state");
                                    } catch (IvrException e) {
                                        refused(e, ReturnCode.OPERATION_FAILED);
                                    }
                                }
                            }
                        }
                    }));
        }
    }

    /** The clock moves just past the next timer (ring-no-answer, overflow, reservation, wrap-up) or by a while. */
    static final class MoveClock implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.of(0, 0, 0, 1, 5, 10, 16, 30, 121).map(seconds -> Transformer.mutate(
                    seconds == 0 ? "clock past the next timer" : "clock +" + seconds + " s", d -> {
                        Long next = nextTimer(d);
                        if (seconds > 0) {
                            d.moveClock(Duration.ofSeconds(seconds));
                        } else if (next != null) {
                            d.moveClock(Duration.ofMillis(Math.max(0, next - d.clock.millis()) + 1));
                        }
                        Long left = nextTimer(d);
                        assertTrue(left == null || left > d.clock.millis(), "a call timer or wrap-up is still due"
                                + " after runTimers\n" + d.dump());
                    }));
        }

        /** The earliest due time of any timer; they are in no view, read here with plain SQL. */
        private static Long nextTimer(Day d) {
            return d.db.inTransaction(c -> {
                Long next = null;
                String[] queries = {
                    "SELECT MIN(ring_until_ms) FROM ivr_call WHERE ended = FALSE AND status = 2 AND answered_ms IS NULL",
                    "SELECT MIN(overflow_ms) FROM ivr_call WHERE ended = FALSE AND status = 1",
                    "SELECT MIN(reserved_until_ms) FROM ivr_call WHERE ended = FALSE AND status = 1",
                    "SELECT MIN(wrap_up_until_ms) FROM agent_state WHERE status = " + AgentStatus.WORK.code(),
                };
                for (String q : queries) {
                    try (ResultSet rs = c.createStatement().executeQuery(q)) {
                        rs.next();
                        long v = rs.getLong(1);
                        if (!rs.wasNull() && (next == null || v < next)) next = v;
                    }
                }
                return next;
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Databases

    /** One database of each kind for the whole class, emptied before each try. */
    enum Stores {
        H2, POSTGRES;

        static final CenterConfig CONFIG = config();
        private TestDatabase test;
        private Database db;
        private List<String> emptyTables;

        synchronized Database fresh() {
            if (db == null) {
                test = this == H2 ? TestDatabases.h2() : TestDatabases.postgres();
                db = test.open();
                emptyTables = db.inTransaction(c -> {
                    List<String> names = new ArrayList<>();
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_type IN ('BASE TABLE', 'TABLE')")) {
                        while (rs.next()) names.add(rs.getString(1));
                    }
                    List<String> empty = new ArrayList<>();
                    for (String t : names) {
                        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + t)) {
                            rs.next();
                            if (rs.getLong(1) == 0) empty.add(t);
                        }
                    }
                    return empty;
                });
            }
            // the tables the migrations leave empty hold the live state; the others (locks, guards) stay
            db.inTransaction(c -> {
                for (String t : emptyTables) c.createStatement().executeUpdate("DELETE FROM " + t);
                return null;
            });
            return db;
        }

        static synchronized void closeAll() {
            for (Stores s : values()) {
                if (s.test != null) s.test.close();
                s.test = null;
                s.db = null;
            }
        }

        private static CenterConfig config() {
            String name = "centers/invariants-center.yaml";
            try (var in = CoreInvariantsTest.class.getClassLoader().getResourceAsStream(name)) {
                return ConfigLoader.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
