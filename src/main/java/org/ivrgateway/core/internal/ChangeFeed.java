package org.ivrgateway.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ivrgateway.store.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-node wake-ups through PostgreSQL's own LISTEN/NOTIFY (docs/ARCHITECTURE.md, "Several nodes"):
 * every transaction that changes calls sends their CallIDs on {@value #CHANNEL} (PostgreSQL delivers the
 * notification when, and only if, the transaction commits), and each node listens on a connection of its
 * own and wakes its waiters of those calls. While the listening connection is down (the database
 * restarting), {@link #listening} is false and the node falls back to reading its waited calls' versions.
 * H2 serves one node, so there is nothing to listen to.
 */
public final class ChangeFeed implements AutoCloseable {
    static final String CHANNEL = "ivr_call_changed";
    /** PostgreSQL takes payloads below 8000 bytes; CallIDs are ASCII. */
    private static final int PAYLOAD_CHARS = 7000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final Database db;
    private final Signals signals;
    private final AtomicLong received = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean listening;

    public ChangeFeed(Database db, Signals signals) {
        this.db = db;
        this.signals = signals;
    }

    /** Sends these calls' ids to every node, as part of the transaction on {@code c}. */
    static void publish(Connection c, Set<String> callIds) throws SQLException {
        for (String payload : payloads(callIds)) {
            Sql.one(c, "SELECT pg_notify(?, ?)", rs -> 1, CHANNEL, payload);
        }
    }

    static List<String> payloads(Set<String> callIds) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (String id : callIds) {
            if (b.length() + id.length() + 1 > PAYLOAD_CHARS) {
                out.add(b.toString());
                b.setLength(0);
            }
            if (!b.isEmpty()) b.append(',');
            b.append(id);
        }
        if (!b.isEmpty()) out.add(b.toString());
        return out;
    }

    public void start() {
        if (!db.isPostgres() || thread != null) return;
        // Named before it starts: the loop runs while the field names its thread (as the sweeper's, docs/CALLBACKS.md).
        Thread t = Thread.ofPlatform().daemon().name("change-feed").unstarted(this::listen);
        thread = t;
        t.start();
    }

    /** True while this node receives other nodes' changes. */
    public boolean listening() {
        return listening;
    }

    /** Notifications received so far (this node's own commits included). */
    public long received() {
        return received.get();
    }

    private void listen() {
        while (thread == Thread.currentThread()) {
            try (Connection c = db.dedicatedConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                while (thread == Thread.currentThread()) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes == null) continue;
                    for (PGNotification n : notes) {
                        received.incrementAndGet();
                        for (String id : n.getParameter().split(",")) signals.signal(id);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) LOG.warn("change feed lost, falling back to polling until it is back: {}", e.toString());
            } catch (Error e) {
                // A bug, not the database away: logged whole, and the feed starts again (polling meanwhile).
                LOG.error("change feed failed, falling back to polling until it is back", e);
            } finally {
                listening = false;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        thread = null;
        stopAndWait(t);
    }

    /**
     * Stops a background loop that ends when interrupted (or when its field no longer names it), waiting up
     * to 2 s for it; the node's sweeper stops the same way.
     */
    public static void stopAndWait(Thread t) {
        if (t == null) return;
        t.interrupt();
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
