package org.ivrgateway.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has been sending a request's headers for longer than the header timeout: a
 * client trickling one byte every few seconds resets the idle timeout for ever, and enough of them use up the
 * node's file descriptors (slowloris). A connection is timed from when it opens, or from the end of its last
 * request, to the moment its next request is dispatched; only one that has sent bytes in that time is closed
 * (an idle keep-alive connection is left to the idle timeout). Jetty has no such limit of its own
 * (docs/RELIABILITY.md).
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    /** Since when (nanoTime) a connection has been between requests, and its bytes read at that moment. */
    private record Waiting(long sinceNanos, long bytesIn) {
    }

    private final long timeoutNanos;
    private final Map<Connection, Waiting> waiting = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    HeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("header-deadline").factory());
        long period = Math.max(50, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        waiting.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        waiting.put(connection, new Waiting(System.nanoTime(), 0));
    }

    @Override
    public void onClosed(Connection connection) {
        waiting.remove(connection);
    }

    /** The request's headers are complete and it is being handled. */
    void started(Request request) {
        waiting.remove(request.getConnectionMetaData().getConnection());
    }

    /** The request is answered; the connection may now bring the next one. */
    void finished(Request request) {
        Connection c = request.getConnectionMetaData().getConnection();
        if (c.getEndPoint().isOpen()) waiting.put(c, new Waiting(System.nanoTime(), c.getBytesIn()));
    }

    int tracked() {
        return waiting.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        int closed = 0;
        for (Map.Entry<Connection, Waiting> e : waiting.entrySet()) {
            Connection c = e.getKey();
            Waiting w = e.getValue();
            if (now - w.sinceNanos() > timeoutNanos && c.getBytesIn() > w.bytesIn() && waiting.remove(c, w)) {
                c.getEndPoint().close();
                closed++;
            }
        }
        if (closed > 0) LOG.info("closed {} connections that sent no complete request headers in {} ms", closed,
                TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
    }
}
