package org.ivrgateway.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The simulated agents (CONTRACT §4.2, §6): each logs on at its device and becomes available over REST;
 * a call transferred to its device is answered, talked for the scenario's time and cleared, which makes
 * the agent available again (wrap-up 0). It remembers when each agent last became available, so that a
 * port seeing its waiting call assigned can measure agent available → call assigned.
 */
final class AgentPool {
    private final IvrClient client;
    private final Supplier<Recorder> recorder;
    private final ConcurrentHashMap<String, Long> availableSince = new ConcurrentHashMap<>();
    private final AtomicInteger talking = new AtomicInteger();
    private volatile int talkMillis;

    AgentPool(IvrClient client, Supplier<Recorder> recorder) {
        this.client = client;
        this.recorder = recorder;
    }

    /** Logs agents 0..count-1 on and makes them available; returns how many made it. */
    int logOn(int count) {
        int ok = 0;
        for (int i = 0; i < count; i++) {
            String id = Devices.agentId(i);
            String device = Devices.agentDevice(i);
            if (client.rest("agent login", "/api/agents/" + id + "/login", "{\"device\":\"" + device + "\"}") == null) {
                continue;
            }
            long now = System.nanoTime();
            if (client.rest("agent state", "/api/agents/" + id + "/state", "{\"state\":\"AVAILABLE\"}") != null) {
                availableSince.put(device, now);
                ok++;
            }
        }
        return ok;
    }

    void talkFor(int millis) {
        this.talkMillis = millis;
    }

    /**
     * The agent at {@code extension} gets the call: answered, talk, cleared, on a virtual thread of its own.
     * {@code queuedNanos} is when the call was enqueued; {@code assignedNanos} when its port saw it assigned.
     */
    void take(String callId, String extension, long queuedNanos, long assignedNanos) {
        Long freed = availableSince.get(extension);
        // Only a call that was already waiting when the agent became free measures the routing path.
        if (freed != null && freed > queuedNanos) recorder.get().assigned((assignedNanos - freed) / 1_000);
        talking.incrementAndGet();
        Thread.ofVirtual().name("agent-" + extension).start(() -> {
            try {
                client.rest("answered", "/api/calls/" + callId + "/answered", "{}");
                if (talkMillis > 0) sleep(talkMillis);
                long clearing = System.nanoTime();
                if (client.rest("cleared", "/api/calls/" + callId + "/cleared", "{}") != null) {
                    availableSince.put(extension, clearing);
                }
            } finally {
                talking.decrementAndGet();
            }
        });
    }

    int talking() {
        return talking.get();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
