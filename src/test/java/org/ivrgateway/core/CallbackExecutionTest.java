package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** Callbacks carried out, with a moved clock: due, offered, accepted, placed, and how each attempt ended. */
class CallbackExecutionTest {
    /** Toronto in early March is UTC-5; CreateCallback's TimeZoneOffset is local minus UTC. */
    private static final int OFFSET = -300;
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");
    private static final String PHONE = "4165550199";

    static CenterConfig config() throws Exception {
        String name = "centers/callback-center.yaml";
        try (var in = CallbackExecutionTest.class.getClassLoader().getResourceAsStream(name)) {
            return ConfigLoader.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BothDatabases
    void aCallbackBecomesDueIsOfferedAcceptedPlacedAndAnswered(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        assertEquals(0, f.center.setContactData(call.session(), call.callId(), "Tier", "Gold").returnCode());
        String id = create(f, call, schedule(f, 30, 120));
        f.center.runTimers();
        assertEquals("PENDING", callback(f, id).status(), "its window opens in 30 minutes");
        f.advance(31 * 60);
        f.center.runTimers();
        Views.Callback queued = callback(f, id);
        assertEquals("QUEUED", queued.status());
        assertTrue(f.center.calls().stream().anyMatch(c -> c.callId().equals(queued.queuedCallId())
                && "CBQueue".equals(c.queue())), "waits in its callback queue like a call, on the wallboard");

        f.available(ALAN, "5001");
        Views.Callback offered = callback(f, id);
        assertEquals("OFFERED", offered.status());
        assertEquals(ALAN, offered.offeredTo());
        assertEquals("Ann Caller", offered.contactName());
        assertEquals("Billing question", offered.description());
        assertEquals(java.util.Map.of("Tier", "Gold"), offered.contactData(), "the caller's contact data");
        assertEquals(0, offered.attempts());
        assertEquals(3, offered.maxAttempts());
        assertTrue(offered.schedules().getFirst().startsWith(PHONE + ";"));
        assertTrue(f.center.calls().stream().anyMatch(c -> c.callId().equals(offered.queuedCallId())
                && PHONE.equals(c.ani())), "the agent's call shows the number to call");
        assertEquals(offered.queuedCallId(), f.center.agent(ALAN).callId());

        Views.Callback dialing = f.center.acceptCallback(id, ALAN);
        assertEquals("DIALING", dialing.status());
        var dial = f.center.pendingEvents().stream().filter(e -> e.type().equals("DIAL")).findFirst().orElseThrow();
        assertEquals(PHONE, dial.destination());
        assertEquals(offered.queuedCallId(), dial.callId());
        assertEquals(AgentStatus.TALKING, f.center.agent(ALAN).status());

        Views.Callback answered = f.center.callbackOutcome(id, "answered");
        assertEquals("ANSWERED", answered.status());
        assertEquals(1, answered.attempts());
        assertEquals("answered", answered.attemptList().getFirst().outcome());
        assertEquals(ALAN, answered.attemptList().getFirst().agentId());
        f.center.cleared(offered.queuedCallId());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
    }

    /**
     * docs/CALLBACKS.md, "Order": an agent serving a callers' queue and a callback queue takes the callers
     * waiting before a due callback, and those of a higher priority, first; callbacks are offered one at a
     * time, as the agent frees up, in the order they became due.
     */
    @BothDatabases
    void aCallbackNeverCutsAheadOfWaitingCallersAndIsReleasedAsTheAgentFreesUp(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script early = f.monitored(IVR, "4165550100", "69030");
        assertEquals(0, f.center.enqueue(early.session(), early.callId(), 1, "Sales", 1, null, null).returnCode());
        f.advance(1);
        String first = create(f, early, schedule(f, 0, 120));
        f.center.runTimers();
        f.advance(1);
        String second = create(f, early, "4165550198;" + schedule(f, 0, 120).substring(PHONE.length() + 1));
        f.center.runTimers();
        f.advance(1);
        Fixture.Script urgent = f.monitored(Fixture.IVR2, "4165550111", "69030");
        assertEquals(0, f.center.enqueue(urgent.session(), urgent.callId(), 1, "Sales", 5, null, null).returnCode());
        assertEquals("QUEUED", callback(f, first).status());
        assertEquals("QUEUED", callback(f, second).status());

        f.available(ALAN, "5001");
        List<String> served = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String callId = f.center.agent(ALAN).callId();
            assertNotNull(callId, "offer " + (i + 1));
            served.add(callId);
            Views.Callback firstNow = callback(f, first);
            Views.Callback secondNow = callback(f, second);
            long offeredCallbacks = java.util.stream.Stream.of(firstNow, secondNow)
                    .filter(c -> "OFFERED".equals(c.status())).count();
            assertTrue(offeredCallbacks <= 1, "one agent, one callback offered at a time");
            if (callId.equals(firstNow.queuedCallId()) || callId.equals(secondNow.queuedCallId())) {
                String cb = callId.equals(firstNow.queuedCallId()) ? first : second;
                f.center.acceptCallback(cb, ALAN);
                f.center.callbackOutcome(cb, "answered");
            } else {
                f.center.answered(callId);
            }
            f.center.cleared(callId);
        }
        assertEquals(List.of(urgent.callId(), early.callId(), callback(f, first).queuedCallId(),
                callback(f, second).queuedCallId()), served, "priority, then time of entry, callbacks last");
    }

    @BothDatabases
    void anUnansweredCallbackIsRetriedAfterRetryMinutesAndClosesAfterMaxAttempts(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String id = create(f, schedule(f, 0, 240));
        f.available(ALAN, "5001");
        List<String> outcomes = List.of("no-answer", "busy", "no-answer");
        for (int attempt = 1; attempt <= 3; attempt++) {
            f.center.runTimers();
            Views.Callback offer = callback(f, id);
            assertEquals("OFFERED", offer.status(), "attempt " + attempt);
            assertEquals(attempt - 1, offer.attempts(), "the attempts so far, shown with the offer");
            assertEquals(attempt - 1, offer.attemptList().size());
            f.center.acceptCallback(id, ALAN);
            Views.Callback after = f.center.callbackOutcome(id, outcomes.get(attempt - 1));
            assertEquals(attempt, after.attempts());
            assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status(), "the agent is free again");
            if (attempt < 3) {
                assertEquals("PENDING", after.status());
                assertEquals(Instant.ofEpochMilli(f.clock.millis()).plus(Duration.ofMinutes(10)), after.notBefore());
                f.advance(9 * 60);
                f.center.runTimers();
                assertEquals("PENDING", callback(f, id).status(), "not before retryMinutes");
                f.advance(60);
            } else {
                assertEquals("FAILED", after.status());
            }
        }
        f.advance(60 * 60);
        f.center.runTimers();
        Views.Callback closed = callback(f, id);
        assertEquals("FAILED", closed.status());
        assertEquals(List.of("no-answer", "busy", "no-answer"),
                closed.attemptList().stream().map(Views.CallbackAttempt::outcome).toList());
        assertNull(f.center.agent(ALAN).callId(), "never offered again");
    }

    @BothDatabases
    void aCallbackWhoseSchedulesPassExpiresAndItsWaitingCallEnds(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String id = create(f, schedule(f, 0, 30));
        f.center.runTimers();
        assertEquals("QUEUED", callback(f, id).status(), "nobody serves CBQueue yet");
        f.advance(31 * 60);
        f.center.runTimers();
        assertEquals("EXPIRED", callback(f, id).status());
        assertTrue(f.center.calls().stream().noneMatch(c -> "CBQueue".equals(c.queue())));

        String neverQueued = create(f, schedule(f, 0, 30));
        f.advance(31 * 60);
        f.center.runTimers();
        assertEquals("EXPIRED", callback(f, neverQueued).status(), "its window passed while pending");

        f.available(ALAN, "5001");
        String shortWindow = create(f, schedule(f, 0, 5));
        f.center.runTimers();
        f.center.acceptCallback(shortWindow, ALAN);
        Views.Callback after = f.center.callbackOutcome(shortWindow, "no-answer");
        assertEquals("EXPIRED", after.status(), "no schedule is left after retryMinutes");
        assertEquals(1, after.attempts());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
    }

    @BothDatabases
    void aDialledCallbackWhoseCallIsClearedOrNeverReportedIsRecordedFailedAndRetried(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        f.available(ALAN, "5001");
        String cleared = create(f, schedule(f, 0, 240));
        f.center.runTimers();
        Views.Callback dialing = f.center.acceptCallback(cleared, ALAN);
        f.center.cleared(dialing.queuedCallId());
        f.center.runTimers();
        Views.Callback afterClear = callback(f, cleared);
        assertEquals("PENDING", afterClear.status(), "cleared without an outcome: failed, retried");
        assertEquals("failed", afterClear.attemptList().getFirst().outcome());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());

        String silent = create(f, "4165550198;" + schedule(f, 0, 240).substring(PHONE.length() + 1));
        f.center.runTimers();
        f.center.acceptCallback(silent, ALAN);
        f.advance(5 * 60);
        f.center.runTimers();
        assertEquals("DIALING", callback(f, silent).status(), "5 minutes are allowed for the outcome");
        f.advance(1);
        f.center.runTimers();
        Views.Callback afterSilence = callback(f, silent);
        assertEquals("PENDING", afterSilence.status());
        assertEquals("failed", afterSilence.attemptList().getFirst().outcome());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status(), "the agent is free again");
    }

    @BothDatabases
    void aDeletedCallbackIsNeverOffered(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        String id = create(f, call, schedule(f, 0, 120));
        f.center.runTimers();
        assertEquals("QUEUED", callback(f, id).status());
        assertEquals(0, f.center.deleteCallback(call.session(), id).returnCode());
        f.available(ALAN, "5001");
        f.advance(60);
        f.center.runTimers();
        assertEquals("CANCELLED", callback(f, id).status());
        assertNull(f.center.agent(ALAN).callId());
        assertEquals(ReturnCode.INVALID_CALLBACK_ID.code(), f.center.deleteCallback(call.session(), id).returnCode());

        String beforeItsWindow = create(f, call, "4165550198;" + schedule(f, 30, 120).substring(PHONE.length() + 1));
        assertEquals(0, f.center.deleteCallback(call.session(), beforeItsWindow).returnCode());
        String offered = create(f, call, "4165550197;" + schedule(f, 0, 120).substring(PHONE.length() + 1));
        f.center.runTimers();
        assertEquals(ALAN, callback(f, offered).offeredTo());
        assertEquals(0, f.center.deleteCallback(call.session(), offered).returnCode());
        assertNull(f.center.agent(ALAN).callId(), "the offer is taken back");
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
        f.advance(31 * 60);
        f.center.runTimers();
        assertEquals("CANCELLED", callback(f, beforeItsWindow).status());
        assertEquals("CANCELLED", callback(f, offered).status());
        assertNull(f.center.agent(ALAN).callId(), "neither is ever offered");
    }

    @BothDatabases
    void anOfferNobodyAcceptsRingsNoAnswerAndOnlyTheOfferedAgentMayAccept(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String id = create(f, schedule(f, 0, 120));
        f.available(ALAN, "5001");
        f.center.runTimers();
        assertEquals(ALAN, callback(f, id).offeredTo());
        IvrException other = assertThrows(IvrException.class, () -> f.center.acceptCallback(id, "790007"));
        assertEquals(ReturnCode.OPERATION_FAILED, other.code());
        f.advance(21);
        f.center.runTimers();
        assertEquals("QUEUED", callback(f, id).status());
        assertEquals(AgentStatus.UNAVAILABLE, f.center.agent(ALAN).status());
        assertThrows(IvrException.class, () -> f.center.callbackOutcome(id, "answered"), "not being dialled");
        assertEquals(ReturnCode.INVALID_PARAMETER,
                assertThrows(IvrException.class, () -> f.center.callbackOutcome(id, "maybe")).code());
    }

    @BothDatabases
    void everyStateSurvivesARestartAndAnotherNodeCarriesOn(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String id = create(f, schedule(f, 0, 120));
        f.available(ALAN, "5001");
        f.center.runTimers();
        f.center.close();
        ContactCenter second = f.another();
        Views.Callback offered = second.callbacks().stream().filter(c -> c.callbackId().equals(id)).findFirst().orElseThrow();
        assertEquals("OFFERED", offered.status());
        assertEquals("DIALING", second.acceptCallback(id, ALAN).status());
        assertEquals("ANSWERED", second.callbackOutcome(id, "answered").status());
        assertNotNull(second.callbacks().getFirst().attemptList().getFirst().endedAt());
    }

    /**
     * The bug behind a due callback left PENDING for good (docs/CALLBACKS.md, "Nothing stuck"): the sweeper's
     * loop runs while the sweeper's field names its thread, and the thread used to be started before the field
     * named it; a thread that got the CPU at once ended there, and that node released nothing, silently. Here
     * the sweeper's thread is made to run at once: its {@code start} returns only once the thread has ended or
     * has released the due callback, with nobody else firing the timers.
     */
    @BothDatabases
    void theSweeperReleasesADueCallbackEvenWhenItsThreadRunsBeforeStartReturns(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String id = create(f, schedule(f, 0, 120));
        java.util.function.BooleanSupplier released = () -> !"PENDING".equals(callback(f, id).status());
        try {
            f.center.start(r -> new Thread(r, "test-sweeper") {
                @Override
                public void start() {
                    super.start();
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                    while (isAlive() && !released.getAsBoolean() && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
            assertEquals("QUEUED", callback(f, id).status(), "released by the node's own sweeper");
        } finally {
            f.center.close();
        }
    }

    /**
     * A sweep that fails with an Error (a bug, a StackOverflowError), not an exception, is logged and the
     * sweeper goes on: before, its thread ended silently, and the node fired no timer again — agents left
     * RINGING, callbacks never released (docs/CALLBACKS.md, "Nothing stuck"). A second node on the same
     * database, whose clock throws an Error on its sweeper's first two readings, still releases the callback.
     */
    @BothDatabases
    void aSweepThatFailsWithAnErrorDoesNotStopTheSweeper(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String id = create(f, schedule(f, 0, 120));
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(2);
        java.time.Clock failing = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return f.clock.getZone();
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                if (Thread.currentThread().getName().equals("failing-sweeper") && failures.getAndDecrement() > 0) {
                    throw new AssertionError("injected: a bug in a sweep");
                }
                return f.clock.instant();
            }
        };
        try (Database second = db.open();
             ContactCenter node = new ContactCenter(second, config(), failing)) {
            node.start(r -> new Thread(r, "failing-sweeper"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while ("PENDING".equals(callback(f, id).status()) && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(failures.get() < 0, "the sweeper met both injected errors");
            assertEquals("QUEUED", callback(f, id).status(), "released by the sweeper after its failed sweeps");
        }
    }

    /**
     * CreateCallback waits for another creator's lock (callback_guard) as long as a routing transaction waits for
     * the routing lock: 10 s on H2 too, whose own default is 2 s. Before, a creator on a connection that had
     * never taken the routing lock gave up after 2 s with -305. Here a node that has run no routing transaction
     * (its sweeper not started) creates a callback while another holds the lock for 3 s: it waits, and stores.
     */
    @BothDatabases
    void aCreatorWaitsForAnotherCreatorsLockAsLongAsForTheRoutingLock(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        String schedule = schedule(f, 0, 120);
        ContactCenter fresh = f.another();
        var creating = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection holder = f.db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var st = holder.createStatement()) {
                st.executeQuery("SELECT id FROM callback_guard WHERE id = 1 FOR UPDATE").close();
            }
            var created = creating.submit(() -> fresh.createCallback(call.session(), call.callId(), "CBQueue",
                    "Billing question", OFFSET, "Ann Caller", schedule, null, null));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!waitingForALock(f) && !created.isDone() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(waitingForALock(f), "the creator waits for the lock");
            // Held past H2's default of 2 s (not a wait for something: the condition the creator must outlast).
            Thread.sleep(3000);
            holder.commit();
            Result r = created.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, r.returnCode(), r.detail());
        } finally {
            creating.shutdownNow();
            fresh.close();
        }
    }

    /** True while some session of the database waits for a row lock. */
    private static boolean waitingForALock(Fixture f) throws java.sql.SQLException {
        String sql = f.db.isPostgres()
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        try (java.sql.Connection c = f.db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static Views.Callback callback(Fixture f, String id) {
        return f.center.callbacks().stream().filter(c -> c.callbackId().equals(id)).findFirst().orElseThrow();
    }

    /** A schedule to PHONE from {@code fromMinutes} to {@code toMinutes} from now, in Toronto time. */
    private static String schedule(Fixture f, int fromMinutes, int toMinutes) {
        var now = Instant.ofEpochMilli(f.clock.millis()).atZone(TORONTO).toLocalDateTime();
        return PHONE + ";" + WHEN.format(now.plusMinutes(fromMinutes)) + ";" + WHEN.format(now.plusMinutes(toMinutes));
    }

    private static String create(Fixture f, String schedule) {
        return create(f, f.monitored(IVR, "4165550100", "69030"), schedule);
    }

    private static String create(Fixture f, Fixture.Script call, String schedule) {
        Result r = f.center.createCallback(call.session(), call.callId(), "CBQueue", "Billing question", OFFSET,
                "Ann Caller", schedule, null, null);
        assertEquals(0, r.returnCode(), r.detail());
        return r.string("CallbackID");
    }
}
