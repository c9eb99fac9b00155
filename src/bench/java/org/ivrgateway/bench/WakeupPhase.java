package org.ivrgateway.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The wake-up phase (docs/BENCHMARKS.md, "Cross-node wake-up"): two gateway nodes on one PostgreSQL. In each
 * lane (a queue with one agent of its own, {@link Devices#wakeQueue}) a call is offered and queued, a
 * {@code QueryCallStatus} with a Timeout is parked on the waiter's node (the node says so: the phase asks it,
 * {@link ServerSide#parkedWaiters}), and then the lane's agent becomes
 * available <em>on node A</em>: A's routing transaction assigns the call and commits, and the waiter must be
 * woken with status 2. Samples alternate between a waiter on node B (cross-node: only PostgreSQL's
 * LISTEN/NOTIFY can tell B) and a waiter on A itself (the same-node reference).
 *
 * <p>The commit on A lies between the moment A's {@code state} request is sent and the moment its answer is
 * read, so each sample gives two figures: from A's answer to the waiter's answer (a lower bound of commit →
 * answer, never below 0) and from A's request (an upper bound). A waiter answered with status 1 or -701 (its
 * Timeout passed without the news) is a missed wake-up.
 */
final class WakeupPhase {
    private final IvrClient nodeA;
    private final IvrClient nodeB;
    private final ServerSide serverA;
    private final ServerSide serverB;
    private final AtomicReference<Recorder> recorder = new AtomicReference<>(new Recorder());
    private final int parkMillis;
    private final int timeoutMillis;
    private final LatencyHistogram crossFromAnswer = new LatencyHistogram();
    private final LatencyHistogram crossFromRequest = new LatencyHistogram();
    private final LatencyHistogram sameFromAnswer = new LatencyHistogram();
    private final LatencyHistogram sameFromRequest = new LatencyHistogram();
    private final LongAdder crossMissed = new LongAdder();
    private final LongAdder sameMissed = new LongAdder();

    /** Milliseconds; {@code missed}: waiters whose Timeout passed before they heard of their agent. */
    record Result(String nodes, int lanes, int parkMillis, int timeoutMillis, double seconds,
                  LatencyHistogram.Summary crossNodeFromChangeAnswerMs, LatencyHistogram.Summary crossNodeFromChangeRequestMs,
                  long crossNodeMissed, LatencyHistogram.Summary sameNodeFromChangeAnswerMs,
                  LatencyHistogram.Summary sameNodeFromChangeRequestMs, long sameNodeMissed, long errors,
                  Map<String, Long> errorsByKind, List<String> errorSamples) {
    }

    private WakeupPhase(ServerSide a, ServerSide b, int maxConnections, int parkMillis, int timeoutMillis) {
        this.serverA = a;
        this.serverB = b;
        this.nodeA = new IvrClient(new HttpPool(a.gateway(), maxConnections, 30_000), recorder::get);
        this.nodeB = new IvrClient(new HttpPool(b.gateway(), maxConnections, 30_000), recorder::get);
        this.parkMillis = parkMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Runs {@code lanes} lanes for {@code seconds} against nodes {@code a} (where agents change) and {@code b};
     * a waiter not parked within {@code parkMillis} is an error.
     */
    static Result run(ServerSide serverA, ServerSide serverB, int lanes, double seconds, int parkMillis, int timeoutMillis)
            throws Exception {
        if (lanes < 1 || lanes > Devices.WAKE_LANES) throw new IllegalArgumentException("lanes: 1 to " + Devices.WAKE_LANES);
        URI a = serverA.gateway();
        URI b = serverB.gateway();
        WakeupPhase phase = new WakeupPhase(serverA, serverB, 4 * lanes, parkMillis, timeoutMillis);
        for (int i = 0; i < 300 && !(serverA.hearsOtherNodes() && serverB.hearsOtherNodes()); i++) AgentPool.sleep(100);
        if (!serverB.hearsOtherNodes()) phase.recorder.get().error("wake-up", "node B does not listen to node A's changes", null);
        System.out.printf("wakeup: %d lanes, waiters on %s and %s, agents change on %s, %.0f s%n", lanes, b, a, a, seconds);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int l = lane;
            threads.add(Thread.ofVirtual().name("wake-lane-" + lane).start(() -> phase.lane(l, end)));
        }
        for (Thread t : threads) t.join();
        phase.nodeA.http().close();
        phase.nodeB.http().close();
        Recorder r = phase.recorder.get();
        Result result = new Result(a + " (agents) / " + b + " (waiters)", lanes, parkMillis, timeoutMillis, seconds,
                phase.crossFromAnswer.summary(), phase.crossFromRequest.summary(), phase.crossMissed.sum(),
                phase.sameFromAnswer.summary(), phase.sameFromRequest.summary(), phase.sameMissed.sum(),
                r.errorCount(), r.errors(), r.errorSamples());
        System.out.printf("wakeup: cross-node %d samples, median %.2f–%.2f ms, %d missed; same node %d samples, %d errors%n",
                result.crossNodeFromChangeAnswerMs().count(), result.crossNodeFromChangeAnswerMs().p50(),
                result.crossNodeFromChangeRequestMs().p50(), result.crossNodeMissed(),
                result.sameNodeFromChangeAnswerMs().count(), result.errors());
        return result;
    }

    private void lane(int lane, long endNanos) {
        try {
            runLane(lane, endNanos);
        } catch (Exception e) {
            recorder.get().error("wake-up lane", e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void runLane(int lane, long endNanos) {
        String agent = Devices.wakeAgentId(lane);
        if (nodeA.rest("agent login", "/api/agents/" + agent + "/login",
                "{\"device\":\"" + Devices.wakeAgentDevice(lane) + "\"}") == null) return; // logged on UNAVAILABLE
        try {
            for (int k = 0; System.nanoTime() < endNanos; k++) {
                if (!sample(lane, k % 2 == 0)) AgentPool.sleep(100); // an error: let the node breathe, go on
            }
        } finally {
            nodeA.rest("agent logout", "/api/agents/" + agent + "/logout", "{}");
        }
    }

    /** One wake-up; false when a step failed (counted as an error). */
    private boolean sample(int lane, boolean crossNode) {
        IvrClient waiterNode = crossNode ? nodeB : nodeA;
        ServerSide waiterServer = crossNode ? serverB : serverA;
        String agent = Devices.wakeAgentId(lane);
        String device = Devices.ivrDevice(lane);
        String offered = waiterNode.rest("offer", "/api/telephony/offer",
                "{\"device\":\"" + device + "\",\"ani\":\"41655590" + lane + "0\",\"dnis\":\"69030\"}");
        String callId = offered == null ? null : IvrClient.jsonField(offered, "callId");
        if (callId == null) return false;
        boolean agentTook = false;
        try {
            ResultDocument init = ok(waiterNode.call("Initialize", "LocalPort", Devices.localPort(lane),
                    "AdminServerName", "6000@localhost", "RpcTimeout", "10000"), "Initialize");
            if (init == null) return false;
            String session = init.get("SessionID");
            if (ok(waiterNode.call("QueryCallInfo", "SessionID", session, "Device", device), "QueryCallInfo") == null
                    || ok(waiterNode.call("Enqueue", "SessionID", session, "CallID", callId, "IVRHold", "1", "QueueName",
                    Devices.wakeQueue(lane), "InitialPriority", "1", "Description", "wake-up"), "Enqueue") == null) {
                return false;
            }
            CompletableFuture<ResultDocument> answer = new CompletableFuture<>();
            long[] answeredAt = new long[1];
            Thread.ofVirtual().name("waiter").start(() -> {
                ResultDocument d = waiterNode.callAs("QueryCallStatus (waiting)", "QueryCallStatus", "SessionID",
                        session, "CallID", callId, "Timeout", Integer.toString(timeoutMillis));
                answeredAt[0] = System.nanoTime();
                answer.complete(d);
            });
            if (!parked(waiterServer, callId, answer)) {
                recorder.get().error("QueryCallStatus (waiting)", "not parked within " + parkMillis + " ms", null);
                return false; // the agent stays unavailable; the call is cleared
            }
            long changeSent = System.nanoTime();
            String changed = nodeA.rest("agent state", "/api/agents/" + agent + "/state", "{\"state\":\"AVAILABLE\"}");
            long changeAnswered = System.nanoTime();
            ResultDocument status = answer.get(timeoutMillis + 30_000L, TimeUnit.MILLISECONDS);
            agentTook = changed != null;
            if (status == null || changed == null) return false;
            int rc = status.returnCode();
            long done = answeredAt[0];
            if (done < changeSent) {
                recorder.get().error("QueryCallStatus (waiting)", "answered " + rc + " before the change was sent", null);
                return false;
            }
            if (rc == 2) {
                (crossNode ? crossFromAnswer : sameFromAnswer).record(Math.max(0, done - changeAnswered) / 1_000);
                (crossNode ? crossFromRequest : sameFromRequest).record((done - changeSent) / 1_000);
                if (ok(waiterNode.call("Transfer", "SessionID", session, "CallID", callId, "ToDevice",
                        status.get("Extension")), "Transfer") == null) return false;
                return nodeA.rest("answered", "/api/calls/" + callId + "/answered", "{}") != null;
            }
            if (rc == 1 || rc == -701) {
                (crossNode ? crossMissed : sameMissed).increment();
                return true;
            }
            recorder.get().error("QueryCallStatus (waiting)", "status " + rc, null);
            return false;
        } catch (Exception e) {
            recorder.get().error("wake-up", e.getClass().getSimpleName(), e.getMessage());
            return false;
        } finally {
            nodeA.rest("cleared", "/api/calls/" + callId + "/cleared", "{}");
            if (agentTook) nodeA.rest("agent state", "/api/agents/" + agent + "/state", "{\"state\":\"UNAVAILABLE\"}");
        }
    }

    /** Waits until {@code callId}'s waiter is parked on its node (asked every millisecond), at most parkMillis. */
    private boolean parked(ServerSide node, String callId, CompletableFuture<ResultDocument> answer) throws Exception {
        long deadline = System.nanoTime() + parkMillis * 1_000_000L;
        while (System.nanoTime() < deadline && !answer.isDone()) {
            if (node.parkedWaiters(callId) > 0) return true;
            AgentPool.sleep(1);
        }
        return false;
    }

    private ResultDocument ok(ResultDocument doc, String kind) {
        return nodeA.expect(0, doc, kind); // both clients share the recorder
    }
}
