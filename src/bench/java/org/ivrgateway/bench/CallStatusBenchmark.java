package org.ivrgateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * One QueryCallStatus read (Timeout 0) of a queued call, through the API's one entry (validation,
 * session, call, status and position in queue), with {@code calls} calls waiting: what a port polling its
 * call costs the core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CallStatusBenchmark {
    @Param({"h2", "postgres"})
    public String db;
    @Param({"10", "5000"})
    public int calls;

    private WaitingCalls center;
    private List<Map.Entry<String, String>> waiting;
    private int next;

    @Setup
    public void fill() throws Exception {
        center = new WaitingCalls(db, 1, calls);
        waiting = new ArrayList<>(center.sessionByCall.entrySet());
    }

    @Benchmark
    public Result queryCallStatus() {
        Map.Entry<String, String> call = waiting.get(next++ % waiting.size());
        Result r = center.center.queryCallStatus(call.getValue(), call.getKey(), 0);
        if (r.returnCode() != 1) throw new IllegalStateException("expected status 1 (queued), got " + r.returnCode());
        return r;
    }

    @TearDown
    public void close() throws Exception {
        center.close();
    }
}
