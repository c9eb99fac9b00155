package org.ivrgateway.bench;

import java.util.List;
import java.util.Map;

/**
 * What one measured window gave: rates, latencies by request kind, errors, and where the CPU went
 * (generator, server, database: cores used and microseconds per request). Serialized as the run's JSON.
 */
record PhaseResult(
        String phase,
        String target,
        String scenario,
        double seconds,
        long requests,
        double requestsPerSecond,
        long callsStarted,
        double callsStartedPerSecond,
        long callsCompleted,
        double callsPerSecond,
        double concurrentCallsMean,
        int concurrentCallsMax,
        double meanResponseBytes,
        long errors,
        Map<String, Long> errorsByKind,
        List<String> errorSamples,
        Map<String, LatencyHistogram.Summary> latencyMs,
        LatencyHistogram.Summary agentAvailableToAssignedMs,
        Cpu cpu,
        ServerStats serverBefore,
        ServerStats serverAfter,
        int serverThreadsMax,
        long serverHeapUsedMax) {

    /** Cores used over the window, and CPU microseconds per request, by process. */
    record Cpu(double generatorCores, double serverCores, double databaseCores,
               double generatorMicrosPerRequest, double serverMicrosPerRequest, double databaseMicrosPerRequest) {

        static Cpu of(long generatorNanos, long serverNanos, long databaseNanos, double seconds, long requests) {
            double perRequest = Math.max(1, requests) * 1_000.0;
            return new Cpu(generatorNanos / 1e9 / seconds, serverNanos / 1e9 / seconds, databaseNanos / 1e9 / seconds,
                    generatorNanos / perRequest, serverNanos / perRequest, databaseNanos / perRequest);
        }
    }
}
