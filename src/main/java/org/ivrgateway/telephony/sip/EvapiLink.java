package org.ivrgateway.telephony.sip;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's connection to Kamailio's evapi socket: opened, and opened again one second after it is
 * lost, for as long as the link is not closed. Every frame Kamailio sends goes to the handler, in order,
 * on the link's own thread. It pings Kamailio three times a heartbeat period; Kamailio counts as alive
 * while the connection is up and it answered a ping within the last period.
 */
final class EvapiLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvapiLink.class);
    private static final String PING = "{\"action\":\"ping\"}";

    private final String host;
    private final int port;
    private final long heartbeatMs;
    private final Clock clock;
    private final Consumer<String> handler;
    private final Thread reader;
    private final Thread pinger;
    private volatile boolean closed;
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile long lastPongMs = Long.MIN_VALUE / 2;

    EvapiLink(String host, int port, int heartbeatSeconds, Clock clock, Consumer<String> handler) {
        this.host = host;
        this.port = port;
        this.heartbeatMs = heartbeatSeconds * 1000L;
        this.clock = clock;
        this.handler = handler;
        this.reader = Thread.ofVirtual().name("evapi-reader").unstarted(this::readLoop);
        this.pinger = Thread.ofVirtual().name("evapi-ping").unstarted(this::pingLoop);
    }

    void start() {
        reader.start();
        pinger.start();
    }

    /** Kamailio answered a ping. */
    void ponged() {
        lastPongMs = clock.millis();
    }

    boolean alive() {
        return out != null && clock.millis() - lastPongMs <= heartbeatMs;
    }

    /** Sends one message to Kamailio; false when there is no connection now. */
    synchronized boolean send(String message) {
        OutputStream o = out;
        if (o == null) return false;
        try {
            o.write(Netstrings.encode(message));
            o.flush();
            return true;
        } catch (IOException e) {
            LOG.warn("evapi: sending to Kamailio failed ({}); reconnecting", e.toString());
            drop();
            return false;
        }
    }

    private void readLoop() {
        while (!closed) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 2000);
                s.setTcpNoDelay(true);
                s.setKeepAlive(true);
                socket = s;
                out = s.getOutputStream();
                LOG.info("evapi: connected to Kamailio at {}:{}", host, port);
                send(PING);
                InputStream in = new BufferedInputStream(s.getInputStream());
                while (!closed) {
                    handler.accept(Netstrings.read(in));
                }
            } catch (EOFException e) {
                if (!closed) LOG.warn("evapi: Kamailio closed the connection");
            } catch (IOException e) {
                if (!closed) LOG.debug("evapi: no connection to Kamailio at {}:{} ({})", host, port, e.toString());
            } catch (RuntimeException e) {
                LOG.error("evapi: connection dropped after an unexpected failure", e);
            } finally {
                out = null;
                socket = null;
            }
            pause(1000);
        }
    }

    private void pingLoop() {
        while (!closed) {
            pause(Math.max(100, heartbeatMs / 3));
            if (!closed) send(PING);
        }
    }

    private void drop() {
        Socket s = socket;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
        reader.interrupt();
        pinger.interrupt();
    }
}
