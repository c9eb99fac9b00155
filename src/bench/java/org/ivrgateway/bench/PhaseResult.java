package org.ivrgateway.bench;

import java.util.List;
import java.util.Map;

/**
 * What one measured window gave: rates, latencies by request kind, errors, and where the CPU went
 * (generator, server, database: cores used and microseconds per request). {@code admittedMs}: the answers the
 * flow expected from functions that do not wait; {@code refusedMs}: every other answer, by code;
 * {@code estimatedWait}: EstimatedWait against the wait each call had, by queue. Serialized as the run's JSON.
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
        LatencyHistogram.Summary admittedMs,
        Map<String, LatencyHistogram.Summary> refusedMs,
        Map<String, EstimateAccuracy.Summary> estimatedWait,
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
