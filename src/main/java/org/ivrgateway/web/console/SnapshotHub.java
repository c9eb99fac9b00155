package org.ivrgateway.web.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.Graceful;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Views;
import org.ivrgateway.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the contact center once a second on this node, while some page listens, and wakes the listeners
 * when the content changed. Every listener of a node shares one read, whatever their number. A graceful
 * stop of the server ends the listeners first, so open pages never hold the stop up.
 */
final class SnapshotHub extends AbstractLifeCycle implements Graceful {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHub.class);

    private final ContactCenterView view;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile Snapshot current = Snapshot.EMPTY;
    private volatile boolean closing;
    private int listeners;
    private ScheduledExecutorService poller;

    SnapshotHub(ContactCenterView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    @Override
    protected void doStart() {
        closing = false;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-snapshots");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollIfListened, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
        poller.shutdownNow();
        shutdown();
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        closing = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return closing;
    }

    private boolean open() {
        return isRunning() && !closing;
    }

    /** Reads the contact center now (a page being rendered wants today's figures, not the last poll's). */
    Snapshot fresh() {
        Snapshot next = read();
        lock.lock();
        try {
            if (!next.version().equals(current.version())) changed.signalAll();
            current = next;
        } finally {
            lock.unlock();
        }
        return next;
    }

    /**
     * Waits until the content differs from {@code version} (empty: any content), at most {@code max}.
     * Returns the current snapshot, changed or not, or null once the console is stopping.
     */
    Snapshot await(String version, Duration max) throws InterruptedException {
        if (current == Snapshot.EMPTY) fresh();
        long nanos = max.toNanos();
        lock.lock();
        try {
            listeners++;
            while (open() && current.version().equals(version) && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return open() ? current : null;
        } finally {
            listeners--;
            lock.unlock();
        }
    }

    private void pollIfListened() {
        boolean wanted;
        lock.lock();
        try {
            wanted = listeners > 0;
        } finally {
            lock.unlock();
        }
        if (wanted) fresh();
    }

    private Snapshot read() {
        try {
            List<Views.Queue> queues = view.queues();
            List<Views.Agent> agents = view.agents();
            List<Views.Call> calls = boundedCalls(agents);
            List<Views.SwitchEvent> events = view.switchEvents(); // reading is not the telephony side speaking
            return new Snapshot(version(queues, calls, agents, events, null), clock.instant(),
                    queues, calls, agents, events, null);
        } catch (RuntimeException e) {
            String problem = "The contact center cannot be read right now: " + Problems.describe(e);
            LOG.warn("console snapshot failed: {}", e.toString());
            Snapshot last = current;
            return new Snapshot(version(last.queues(), last.calls(), last.agents(), last.events(), problem),
                    clock.instant(), last.queues(), last.calls(), last.agents(), last.events(), problem);
        }
    }

    /**
     * The first {@link ContactCenterView#MAX_CALLS} live calls, and the call of every agent beyond them, so
     * that a desk always shows its agent's call however many calls are live (docs/RELIABILITY.md).
     */
    private List<Views.Call> boundedCalls(List<Views.Agent> agents) {
        List<Views.Call> calls = new ArrayList<>(view.calls());
        Set<String> shown = new HashSet<>();
        calls.forEach(c -> shown.add(c.callId()));
        for (Views.Agent a : agents) {
            if (a.callId() != null && shown.add(a.callId())) view.call(a.callId()).ifPresent(calls::add);
        }
        return calls;
    }

    /** Oldest wait grows every second by itself; pages count it up themselves, so it is no change. */
    private static String version(List<Views.Queue> queues, List<Views.Call> calls, List<Views.Agent> agents,
                                  List<Views.SwitchEvent> events, String problem) {
        List<Views.Queue> steady = queues.stream().map(q -> new Views.Queue(q.name(), q.businessUnit(), q.pilot(),
                q.callsWaiting(), 0, q.estimatedWaitSeconds(), q.averageWaitSeconds(), q.serviceLevel(),
                q.agentsByStatus())).toList();
        try {
            byte[] content = Json.MAPPER.writeValueAsBytes(new Object[] {steady, calls, agents, events, problem});
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a snapshot", e);
        }
    }

    static String json(Snapshot s) {
        try {
            return new String(Json.MAPPER.writeValueAsBytes(s), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a snapshot", e);
        }
    }
}
