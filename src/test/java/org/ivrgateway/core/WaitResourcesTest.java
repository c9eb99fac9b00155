package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * A QueryCallStatus wait costs the database nothing while it is parked (docs/RELIABILITY.md): it holds no
 * pooled connection, and when its time is up it answers -701 without reading the call again — so 2,000 waits
 * that end together do not queue for connections past their deadline.
 */
class WaitResourcesTest {

    @BothDatabases
    void aParkedWaitHoldsNoConnectionAndReadsNothingWhenItsTimeIsUp(TestDatabase test) throws Exception {
        Fixture f = new Fixture(test);
        Fixture.Script call = f.monitored(Fixture.IVR, "4165550100", "69030");
        assertEquals(0, f.center.enqueue(call.session(), call.callId(), 1, Fixture.SALES, 10, null, null).returnCode());
        HikariDataSource pool = (HikariDataSource) f.db.dataSource();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Result> wait = CompletableFuture.supplyAsync(
                    () -> f.center.queryCallStatus(call.session(), call.callId(), 2_000), threads);
            // Parked: the wait is registered and, for a while, no connection of the pool is in use.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int quiet = 0;
            while (quiet < 5 && System.nanoTime() < deadline && !wait.isDone()) {
                boolean parked = f.center.callsWaitedOn() == 1 && pool.getHikariPoolMXBean().getActiveConnections() == 0;
                quiet = parked ? quiet + 1 : 0;
                Thread.sleep(20);
            }
            assertTrue(quiet == 5 && !wait.isDone(), "the wait must be parked without holding a connection");
            f.db.close(); // from now on any read would be -801
            Result r = wait.get(20, TimeUnit.SECONDS);
            assertEquals(ReturnCode.TIMEOUT.code(), r.returnCode(), r.detail());
        }
    }

    /**
     * The Timeout counts from the request's arrival (an HTTP request's, by Jetty's clock), not from the
     * moment a thread took it up: a wait whose whole Timeout went by in queues answers -701 at once, and
     * is never parked (on the old clock it parked for its whole Timeout again).
     */
    @BothDatabases
    void aWaitWhoseTimeoutPassedBeforeItRanAnswersWithoutParking(TestDatabase test) throws Exception {
        Fixture f = new Fixture(test);
        Fixture.Script call = f.monitored(Fixture.IVR, "4165550100", "69030");
        assertEquals(0, f.center.enqueue(call.session(), call.callId(), 1, Fixture.SALES, 10, null, null).returnCode());
        Invocation late = Invocation.of(IvrFunction.QUERY_CALL_STATUS, call.session())
                .with(Param.CALL_ID, call.callId()).with(Param.TIMEOUT, 2_000)
                .arrivedAt(System.nanoTime() - TimeUnit.SECONDS.toNanos(3));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Result> wait = CompletableFuture.supplyAsync(() -> f.center.invoke(late), threads);
            boolean parked = false;
            while (!wait.isDone() && !parked) {
                parked = f.center.parkedWaiters(call.callId()) > 0;
                Thread.onSpinWait();
            }
            assertTrue(!parked, "a wait whose Timeout had passed on arrival must not park");
            Result r = wait.get(20, TimeUnit.SECONDS);
            assertEquals(ReturnCode.TIMEOUT.code(), r.returnCode(), r.detail());
        }
    }
}
