package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.samples.interpreter.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every end-to-end sample test shares: a fresh {@link SampleCenter} per test (the test configuration,
 * or another one a subclass names), the caller's number, and small helpers to act at a point of the call.
 */
abstract class SampleFlow {
    static final String ANI = "9055557900";
    SampleCenter center;

    @BeforeEach
    void start() throws Exception {
        center = newCenter();
    }

    @AfterEach
    void stop() throws Exception {
        center.close();
    }

    SampleCenter newCenter() throws Exception {
        return new SampleCenter("samples/center.yaml");
    }

    /** A setting of common.vxml, as the samples read it (a quoted string literal). */
    static String setting(String name) throws Exception {
        Matcher m = Pattern.compile("<var name=\"" + name + "\" expr=\"'([^']*)'\"/>")
                .matcher(Files.readString(SamplesValidateTest.SAMPLES.resolve("common.vxml")));
        assertTrue(m.find(), name + " not in common.vxml");
        return m.group(1);
    }

    /** A number setting of common.vxml ({@code <var name="callbackOfferSeconds" expr="120"/>}). */
    static int numberSetting(String name) throws Exception {
        Matcher m = Pattern.compile("<var name=\"" + name + "\" expr=\"(\\d+)\"/>")
                .matcher(Files.readString(SamplesValidateTest.SAMPLES.resolve("common.vxml")));
        assertTrue(m.find(), name + " not in common.vxml");
        return Integer.parseInt(m.group(1));
    }

    static Predicate<Trace> fetchOf(String function) {
        return t -> t instanceof Trace.Fetched f && f.name().equals(function);
    }

    /** Runs once, at the first trace that matches. */
    static Consumer<Trace> once(Predicate<Trace> when, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return t -> {
            if (when.test(t) && done.compareAndSet(false, true)) action.run();
        };
    }

    /**
     * The queue's figures in GET /api/queues after the test's calls: none waiting, the mean of the answered
     * waits (s), and the service level of those waits and of the stays that ended unanswered (abandoned,
     * overflowed, dequeued) after the service-level threshold (docs/STATISTICS.md).
     */
    void assertQueueFigures(String queue, List<Integer> answeredWaits, int unansweredAfterThreshold) {
        JsonNode q = center.queue(queue);
        assertEquals(0, q.path("callsWaiting").asInt(), q::toString);
        int mean = (int) Math.round(answeredWaits.stream().mapToInt(Integer::intValue).average().orElse(0));
        assertEquals(mean, q.path("averageWaitSeconds").asInt(), q::toString);
        int threshold = center.config.queue(queue).orElseThrow().serviceLevelSeconds();
        assertEquals(serviceLevel(threshold, answeredWaits, unansweredAfterThreshold), q.path("serviceLevel").asInt(),
                q::toString);
    }

    /** The agent is talking on this call (GET /api/agents/{id}). */
    void assertAgentTalking(String agentId, String callId) {
        JsonNode agent = SampleCenter.json(center.get("api/agents/" + agentId));
        assertEquals(callId, agent.path("callId").asText(), agent::toString);
        assertEquals("TALKING", agent.path("status").asText(), agent::toString);
    }

    private static int serviceLevel(int thresholdSeconds, List<Integer> answeredWaits, int unansweredEnded) {
        long within = answeredWaits.stream().filter(w -> w <= thresholdSeconds).count();
        int ended = answeredWaits.size() + unansweredEnded;
        return ended == 0 ? 100 : (int) (within * 100 / ended);
    }
}
