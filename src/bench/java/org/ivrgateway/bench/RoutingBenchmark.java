package org.ivrgateway.bench;

import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Views;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision with 500 agents and 5,000 waiting calls: an agent becomes available and the core
 * hands it the longest-waiting call (one routing transaction: read the free agents and the queue, assign).
 * Between decisions, untimed, the call goes back to the end of the queue and the agent to unavailable, so
 * every decision sees the same 5,000 calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RoutingBenchmark {
    @Param({"h2", "postgres"})
    public String db;
    @Param("500")
    public int agents;
    @Param("5000")
    public int calls;

    private WaitingCalls center;
    private int next;
    private String agentId;
    private Views.Agent taken;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        center = new WaitingCalls(db, agents, calls);
    }

    @Setup(Level.Invocation)
    public void pickAgent() {
        agentId = center.agentIds.get(next++ % center.agentIds.size());
    }

    @Benchmark
    public Views.Agent agentAvailableTakesTheOldestCall() {
        taken = center.center.changeState(agentId, AgentStatus.AVAILABLE);
        return taken;
    }

    @TearDown(Level.Invocation)
    public void putTheCallBack() {
        if (taken == null || taken.callId() == null) throw new IllegalStateException("no call was assigned to " + agentId);
        center.undoAssignment(agentId, taken.callId());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        center.close();
    }
}
