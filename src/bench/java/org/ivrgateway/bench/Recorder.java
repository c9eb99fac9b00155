package org.ivrgateway.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one measurement window saw: a latency histogram per request kind (a function name, or a REST
 * operation), errors by kind and reason (with the first few answers kept for diagnosis), completed calls,
 * and the end-to-end latencies that are no single request (agent available → call assigned); the
 * answers split into admitted (the answer the flow expected, from a function that does not wait) and
 * refused (any other answer, by code: what admission control gives under overload); and how good each
 * call's EstimatedWait was.
 */
final class Recorder {
    static final String ASSIGN = "agent available -> call assigned";
    private static final int SAMPLES_KEPT = 20;

    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final LatencyHistogram assign = new LatencyHistogram();
    final LongAdder requests = new LongAdder();
    final LongAdder responseBytes = new LongAdder();
    private final Map<String, String> sampleAnswers = new ConcurrentHashMap<>();
    final LongAdder callsCompleted = new LongAdder();
    final LongAdder callsStarted = new LongAdder();
    private final LatencyHistogram admitted = new LatencyHistogram();
    private final Map<String, LatencyHistogram> refused = new ConcurrentHashMap<>();
    final EstimateAccuracy estimates = new EstimateAccuracy();
    final long startNanos = System.nanoTime();

    /** The generator's wait for one of its connections before a request could be sent (not in its latency). */
    static final String POOL_WAIT = "(generator: wait for a free connection)";

    /** How long a request waited for one of the generator's connections, apart from its latency. */
    void poolWait(long micros) {
        latencies.computeIfAbsent(POOL_WAIT, k -> new LatencyHistogram()).record(micros);
    }

    void request(String kind, long micros) {
        requests.increment();
        latencies.computeIfAbsent(kind, k -> new LatencyHistogram()).record(micros);
    }

    /** Keeps the first answer of each kind, for the baseline's document. */
    void answer(String kind, String body) {
        responseBytes.add(body.length());
        if (!sampleAnswers.containsKey(kind)) sampleAnswers.putIfAbsent(kind, body);
    }

    Map<String, String> sampleAnswers() {
        return Map.copyOf(sampleAnswers);
    }

    void error(String kind, String reason, String detail) {
        errors.computeIfAbsent(kind + ": " + reason, k -> new LongAdder()).increment();
        if (errorSamples.size() < SAMPLES_KEPT) {
            errorSamples.add(kind + ": " + reason + (detail == null ? "" : " | " + abbreviate(detail)));
        }
    }

    /** An answer the flow expected, of a function that does not wait. */
    void admitted(long micros) {
        admitted.record(micros);
    }

    /** Any other answer ({@code code}: "ReturnCode -701", "HTTP 503", an exception's name), timed. */
    void refused(String code, long micros) {
        refused.computeIfAbsent(code, k -> new LatencyHistogram()).record(micros);
    }

    LatencyHistogram.Summary admittedSummary() {
        return admitted.summary();
    }

    Map<String, LatencyHistogram.Summary> refusedSummaries() {
        Map<String, LatencyHistogram.Summary> out = new TreeMap<>();
        refused.forEach((k, h) -> out.put(k, h.summary()));
        return out;
    }

    void assigned(long micros) {
        assign.record(micros);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, LatencyHistogram.Summary> latencySummaries() {
        Map<String, LatencyHistogram.Summary> out = new TreeMap<>();
        latencies.forEach((k, h) -> out.put(k, h.summary()));
        return out;
    }

    LatencyHistogram.Summary assignSummary() {
        return assign.summary();
    }

    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    java.util.List<String> errorSamples() {
        return java.util.List.copyOf(errorSamples);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
