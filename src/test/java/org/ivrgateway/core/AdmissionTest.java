package org.ivrgateway.core;

import static org.ivrgateway.store.HeldConnections.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.Platform;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.StoreBusyException;
import org.ivrgateway.store.HeldConnections;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;

/**
 * Admission control (docs/RELIABILITY.md): a node whose units of work already queue for a connection up to
 * a limit refuses further work at once with -701 instead of queueing it — new calls (Initialize,
 * SetCallInfo, QueryCallInfo, an offer) at the lower limit, so the calls already admitted keep their place.
 * The test holds the pool's two connections, so nothing is served until it lets go; a unit of work that
 * joined the queue shows in {@link Database#queued()}.
 */
class AdmissionTest {

    @BothDatabases
    void newCallsAreRefusedAtOnceWhileAdmittedCallsKeepTheirPlace(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2, new Database.Admission(4, 1));
             ContactCenter center = center(db)) {
            Fixture.Script admitted = admittedCall(center);
            Result served;
            try (HeldConnections held = HeldConnections.take(db, 2)) {
                held.queue(1);
                CompletableFuture<Result> contactData = async(() ->
                        center.setContactData(admitted.session(), admitted.callId(), "Account", "42"));
                await(() -> db.queued() >= 2, "an admitted call's function joins the queue past the new calls' limit");

                CompletableFuture<Result> init = async(() -> center.initialize("10.0.0.1", "7", "6000@localhost", 60_000));
                await(() -> init.isDone() || db.queued() > 2, "Initialize answered or queued");
                assertTrue(init.isDone(), "a new call is refused at once, not queued behind the admitted ones");
                assertEquals(ReturnCode.TIMEOUT.code(), init.get().returnCode(), init.get().detail());
                // An offer is a new call too: the store's busy failure, which REST answers 503 (AdmissionRestTest).
                assertThrows(StoreBusyException.class, () -> center.offer(Fixture.IVR2, "4165550101", "69030", null));
                assertEquals(2, db.refused());
                held.release();
                served = contactData.get(HeldConnections.BOUND_SECONDS, TimeUnit.SECONDS);
            }
            assertEquals(0, served.returnCode(), "the admitted call was served: " + served.detail());
            assertEquals(0, center.initialize("10.0.0.1", "7", "6000@localhost", 60_000).returnCode(),
                    "once the queue is gone, new calls are admitted again");
        }
    }

    @BothDatabases
    void aBurstThePoolClearsQuicklyRefusesNoNewCall(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2, new Database.Admission(4, 1, 100));
             ContactCenter center = center(db)) {
            Result init;
            try (HeldConnections held = HeldConnections.take(db, 2)) {
                held.queue(1);
                // Past the new calls' limit, but no unit has waited long for a connection yet: a burst.
                CompletableFuture<Result> pending = async(() -> center.initialize("10.0.0.1", "7", "6000@localhost", 60_000));
                await(() -> pending.isDone() || db.queued() >= 2, "Initialize answered or queued");
                assertTrue(!pending.isDone(), "a new call joins a queue that is long but not standing");
                held.release();
                init = pending.get(HeldConnections.BOUND_SECONDS, TimeUnit.SECONDS);
            }
            assertEquals(0, init.returnCode(), init.detail());
            assertEquals(0, db.refused());
        }
    }

    @BothDatabases
    void aStandingQueueRefusesNewCallsAtOnce(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2, new Database.Admission(4, 1, 100));
             ContactCenter center = center(db)) {
            CountDownLatch letGo = new CountDownLatch(1);
            try (HeldConnections first = HeldConnections.take(db, 1); HeldConnections second = HeldConnections.take(db, 1)) {
                Thread late = Thread.ofVirtual().start(() -> db.inTransaction(c -> {
                    try {
                        letGo.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
                await(() -> db.queued() == 1, "a unit of work waits for a connection");
                Thread.sleep(150); // it stands in the queue past newCallQueueMillis
                first.release();
                await(() -> db.queued() == 0, "the unit that waited has its connection");
                second.queue(1);
                CompletableFuture<Result> init = async(() -> center.initialize("10.0.0.1", "7", "6000@localhost", 60_000));
                // Refused at once, or else queued until the test lets go: then this bounded wait fails.
                await(init::isDone, "the latest unit served waited 150 ms: the queue stands, a new call is refused");
                assertEquals(ReturnCode.TIMEOUT.code(), init.get().returnCode(), init.get().detail());
                assertEquals(1, db.refused());
                letGo.countDown();
                late.join(TimeUnit.SECONDS.toMillis(HeldConnections.BOUND_SECONDS));
            } finally {
                letGo.countDown();
            }
        }
    }

    @BothDatabases
    void pastTheQueueLimitEvenAdmittedCallsAreRefusedAtOnce(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2, new Database.Admission(3, 1));
             ContactCenter center = center(db)) {
            Fixture.Script admitted = admittedCall(center);
            try (HeldConnections held = HeldConnections.take(db, 2)) {
                held.queue(3);
                CompletableFuture<Result> contactData = async(() ->
                        center.setContactData(admitted.session(), admitted.callId(), "Account", "42"));
                await(() -> contactData.isDone() || db.queued() > 3, "SetContactData answered or queued");
                assertTrue(contactData.isDone(), "refused at once: the queue is full");
                assertEquals(ReturnCode.TIMEOUT.code(), contactData.get().returnCode());
                held.release();
            }
            Result again = center.setContactData(admitted.session(), admitted.callId(), "Account", "42");
            assertEquals(0, again.returnCode(), again.detail());
        }
    }

    private static ContactCenter center(Database db) {
        return new ContactCenter(db, Fixture.config(false, Platform.OPENSCAPE_4000),
                new MutableClock(Instant.parse("2025-03-04T15:00:00Z")));
    }

    /** A monitored call offered, initialized and queried: admitted. */
    private static Fixture.Script admittedCall(ContactCenter center) {
        String callId = center.offer(Fixture.IVR, "4165550100", "69030", null);
        String session = center.initialize("10.0.0.1", "1", "6000@localhost", 60_000).string("SessionID");
        Result info = center.queryCallInfo(session, Fixture.IVR, null);
        assertEquals(0, info.returnCode(), info.detail());
        assertEquals(callId, info.string("CallID"));
        return new Fixture.Script(session, callId);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(body.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }
}
