package org.ivrgateway.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-JVM wake-up signals for requests waiting on a call (QueryCallStatus with a Timeout). A waiter
 * registers before it reads the call, so no change between its read and its wait is lost; this node's
 * commits signal directly, other nodes' changes are signalled by the {@code ChangeWatcher}.
 */
public final class Signals {

    /** The waiters of one call: a generation counter bumped on every signal. */
    public static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long generation;
        private int waiters;
        private int parked;
        private volatile long version;

        /** A waiter read the call at this version; later versions written by other nodes wake it. */
        public void observed(long v) {
            if (v > version) version = v;
        }

        long version() {
            return version;
        }

        public long generation() {
            lock.lock();
            try {
                return generation;
            } finally {
                lock.unlock();
            }
        }

        /** Waits until a signal after {@code seen}, or the time passes; true when signalled. */
        public boolean await(long seen, long nanos) throws InterruptedException {
            lock.lock();
            parked++;
            try {
                long left = nanos;
                while (generation == seen && left > 0) {
                    left = changed.awaitNanos(left);
                }
                return generation != seen;
            } finally {
                parked--;
                lock.unlock();
            }
        }

        int parked() {
            lock.lock();
            try {
                return parked;
            } finally {
                lock.unlock();
            }
        }

        void signal() {
            lock.lock();
            try {
                generation++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    public Slot register(String callId) {
        return slots.compute(callId, (k, s) -> {
            Slot slot = s == null ? new Slot() : s;
            slot.waiters++;
            return slot;
        });
    }

    public void unregister(String callId) {
        slots.computeIfPresent(callId, (k, s) -> --s.waiters <= 0 ? null : s);
    }

    public void signal(String callId) {
        Slot s = slots.get(callId);
        if (s != null) s.signal();
    }

    /**
     * How many requests are parked in {@link Slot#await} on {@code callId} now: past their read of the
     * call, so only a signal (or the end of the wait) answers them. Tests wait for it before they change
     * the call, to be sure they test the wake-up.
     */
    public int parked(String callId) {
        Slot s = slots.get(callId);
        return s == null ? 0 : s.parked();
    }

    /** The calls someone on this node is waiting for. */
    public Set<String> watched() {
        return Set.copyOf(slots.keySet());
    }

    /** Wakes the waiters of {@code callId} when the stored version is newer than what they last read. */
    public void signalIfNewer(String callId, long storedVersion) {
        Slot s = slots.get(callId);
        if (s != null && storedVersion > s.version()) {
            s.observed(storedVersion);
            s.signal();
        }
    }

    public static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
