package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * A waiter on one node is woken by a change on another through PostgreSQL's LISTEN/NOTIFY: while the node
 * hears the feed it reads no versions, so only the notification can wake it before its Timeout (-701).
 */
class ChangeFeedTest {

    @BothDatabases
    void aChangeOnAnotherNodeWakesTheWaiterThroughTheDatabasesNotifications(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        if (!db.kind().toLowerCase().contains("postgres")) {
            f.center.start();
            assertFalse(f.center.hearsOtherNodes(), "H2 serves one node: no feed to hear");
            f.center.close();
            return;
        }
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.center.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!f.center.hearsOtherNodes() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(f.center.hearsOtherNodes(), "the node listens for other nodes' changes");
        try (ContactCenter other = f.another()) {
            CompletableFuture<Result> waiting = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> waiting.complete(f.center.queryCallStatus(call.session(), call.callId(), 3000)));
            other.login(ALAN, "5001");
            other.changeState(ALAN, AgentStatus.AVAILABLE);
            Result r = waiting.get(10, TimeUnit.SECONDS);
            assertEquals(CallStatus.WAITING.code(), r.returnCode(), "woken by the other node's change, not timed out");
        } finally {
            f.center.close();
        }
    }
}
