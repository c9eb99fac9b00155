package org.ivrgateway.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One unit of work: its connection, one "now" for all of it — the core's clock is read once a transaction,
 * and everything in it (timers, stays, transit holds, the session's idle time) uses that reading — and the
 * calls it changed, whose waiters are woken once it commits.
 */
public final class Tx {
    private final Connection connection;
    private final long now;
    private final Set<String> changed = new LinkedHashSet<>();

    Tx(Connection connection, long now) {
        this.connection = connection;
        this.now = now;
    }

    public Connection c() {
        return connection;
    }

    /** Epoch milliseconds of the core's clock when the work began. */
    public long now() {
        return now;
    }

    /** The same instant as {@link #now}. */
    public Instant instant() {
        return Instant.ofEpochMilli(now);
    }

    public void changed(String callId) {
        changed.add(callId);
    }

    Set<String> changedCalls() {
        return changed;
    }
}
