package org.ivrgateway.server;

import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.telephony.sip.SipConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway node: the database, the contact center on it, the HTTP server in front and, with
 * telephony.sip, the connection to Kamailio (docs/TELEPHONY.md), started in that order and closed in the
 * reverse one. Closing is graceful (see {@link ServerFactory}).
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Database database;
    private final ContactCenter center;
    private final Server server;
    private final SipConnector sip;

    private Node(Database database, ContactCenter center, Server server, SipConnector sip) {
        this.database = database;
        this.center = center;
        this.server = server;
        this.sip = sip;
    }

    /**
     * Opens the database, starts the contact center and the server; on any failure closes what it opened.
     * {@code host} null listens on the configured {@code server.host}.
     */
    public static Node start(String host, int port, Database database, CenterConfig config, Clock clock)
            throws Exception {
        ContactCenter center = new ContactCenter(database, config, clock);
        Server server = null;
        try {
            center.start();
            server = ServerFactory.newServer(host, port, center, config, database, clock);
            server.start();
            SipConnector sip = config.sipTelephony() ? SipConnector.start(config, center, database, clock) : null;
            return new Node(database, center, server, sip);
        } catch (Exception e) {
            if (server != null) server.stop();
            center.close();
            throw e;
        }
    }

    public URI uri() {
        return ServerFactory.uri(server);
    }

    public ContactCenter center() {
        return center;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        if (sip != null) sip.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly", e);
        }
        center.close();
        database.close();
    }
}
