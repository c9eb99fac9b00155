package org.ivrgateway.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.ChangeFeed;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.session.Sessions;
import org.ivrgateway.core.transit.TransitNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's background work, on one platform thread of its own: every {@value #TIMER_MILLIS} ms it fires due timers
 * (overflow, reservation end, wrap-up end, idle sessions, transit numbers, old history); every {@value #WATCH_MILLIS} ms it
 * reads the versions of the calls this node's requests wait on, in batches, and wakes those that another
 * node changed. Timers are idempotent and row-locked, so every node may run them.
 */
final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    static final long TIMER_MILLIS = 1000;
    static final long WATCH_MILLIS = 200;
    private static final int BATCH = 500;
    /** Ended calls, done switch events and queue history are kept this long after the statistics window. */
    private static final long KEEP_MILLIS = 24 * 3600_000L;

    private final CenterConfig config;
    private final Store store;
    private final Signals signals;
    private final Sessions sessions;
    private final Calls calls;
    private final Agents agents;
    private final Visits visits;
    private final SwitchEvents events;
    private final Router router;
    private final TransitNumbers transit;
    private final CallbackWork callbackWork;
    private final ChangeFeed feed;
    private volatile Thread thread;

    Sweeper(CenterConfig config, Store store, Signals signals, Sessions sessions, Calls calls, Agents agents,
            Visits visits, SwitchEvents events, Router router, TransitNumbers transit, CallbackWork callbackWork,
            ChangeFeed feed) {
        this.config = config;
        this.store = store;
        this.signals = signals;
        this.sessions = sessions;
        this.calls = calls;
        this.agents = agents;
        this.visits = visits;
        this.events = events;
        this.router = router;
        this.transit = transit;
        this.callbackWork = callbackWork;
        this.feed = feed;
    }

    void start() {
        // A platform thread: the timers must fire even while every virtual-thread carrier is busy.
        start(Thread.ofPlatform().daemon().name("core-sweeper").factory());
    }

    /**
     * Starts the loop on a thread of {@code threads}. The field names the thread before it starts: the loop
     * runs while the field names it, so a thread started first could read the field still empty and end at
     * once, leaving the node with no timers and no callbacks released (docs/CALLBACKS.md, "Nothing stuck").
     */
    void start(java.util.concurrent.ThreadFactory threads) {
        if (thread != null) return;
        Thread t = threads.newThread(this::loop);
        thread = t;
        t.start();
    }

    void stop() {
        Thread t = thread;
        thread = null;
        ChangeFeed.stopAndWait(t);
    }

    /** How often the counts of the queue ranks that hold nothing are removed (core.call.QueueRanks). */
    private static final long RANK_PURGE_MS = 60_000L;
    private long nextRankPurgeMs;

    /** Fires every due timer now, and wakes the waiters of the calls it changed. */
    void runTimers() {
        store.routing(tx -> {
            router.fireTimers(tx);
            callbackWork.release(tx);
            sessions.expire(tx);
            transit.expire(tx.c(), tx.instant());
            closeLostCalls(tx);
            if (tx.now() >= nextRankPurgeMs || tx.now() < nextRankPurgeMs - RANK_PURGE_MS) {
                calls.purgeRanks(tx); // under the routing lock, like every write of those counts
                nextRankPurgeMs = tx.now() + RANK_PURGE_MS;
            }
            return null;
        });
        store.transaction(tx -> {
            long keepFrom = tx.now() - KEEP_MILLIS - config.statistics().windowMinutes() * 60_000L;
            calls.purge(tx, keepFrom);
            events.purge(tx, keepFrom);
            // The history behind the reports is kept longer (docs/REPORTS.md).
            long reportsFrom = tx.now() - org.ivrgateway.core.report.Reports.KEEP_DAYS * 24 * 3600_000L;
            visits.purge(tx, Math.min(keepFrom, reportsFrom));
            agents.purgeActivity(tx, reportsFrom);
            return null;
        });
    }

    /**
     * Closes, as abandoned, the live calls that have not changed for {@code calls.maxAgeHours}: the
     * telephony side never reported them cleared, and they would hold their agent, transit number and place
     * in the queue for ever (docs/RELIABILITY.md). At most {@value #BATCH} a sweep.
     */
    private void closeLostCalls(Tx tx) throws java.sql.SQLException {
        long before = tx.now() - config.calls().maxAgeMillis();
        for (CallRow call : calls.unchangedSince(tx, before, BATCH)) {
            LOG.warn("call {} closed as lost: no report for {} hours (device {}, queue {}, agent {})", call.callId(),
                    config.calls().maxAgeHours(), call.device(), call.queue(), call.agentId());
            router.ended(tx, call, Visits.ABANDONED);
        }
    }

    /** Wakes this node's waiters whose call another node changed. */
    void watch() {
        List<String> watched = new ArrayList<>(signals.watched());
        for (int i = 0; i < watched.size(); i += BATCH) {
            List<String> batch = watched.subList(i, Math.min(watched.size(), i + BATCH));
            Map<String, Long> versions = store.transaction((Tx tx) -> calls.versions(tx, batch));
            versions.forEach(signals::signalIfNewer);
        }
    }

    private void loop() {
        long nextTimers = 0;
        while (thread == Thread.currentThread()) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextTimers) {
                    runTimers();
                    nextTimers = now + TIMER_MILLIS;
                }
                // Other nodes' changes come through the change feed; reading versions is the fallback. An
                // embedded H2 has no other nodes (docs/RELIABILITY.md).
                if (!feed.listening() && !store.database().servesOneNode()) watch();
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // An Error is a bug (or the JVM short of memory), not the database away: logged whole. Either
                // way the loop goes on — a sweeper that ended would leave every timer of the node unfired.
                if (e instanceof Error) LOG.error("sweep failed, retrying in {} ms", TIMER_MILLIS, e);
                else LOG.warn("sweep failed, retrying: {}", e.toString());
                try {
                    Thread.sleep(TIMER_MILLIS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
