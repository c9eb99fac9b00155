package org.ivrgateway.bench;

import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.server.ServerFactory;
import org.ivrgateway.store.Database;

/** Starts the real gateway through the server's own factory, on 127.0.0.1 and a free port. */
final class GatewayLauncher {
    /** The server's default pool size (Database.open). */
    static final int POOL_SIZE = Database.DEFAULT_POOL_SIZE;

    private GatewayLauncher() {
    }

    /** A started gateway: where it answers, its Jetty thread pool (the baseline copies it), its core, how to stop it. */
    record Running(URI uri, ThreadPool threadPool, ContactCenter center, AutoCloseable stopper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }

    static Running start(CenterConfig config, BenchDatabase database) throws Exception {
        Database db = Database.open(database.url, database.user, "", POOL_SIZE);
        ContactCenter center = new ContactCenter(db, config, Clock.systemUTC()).start();
        Server server = ServerFactory.newServer("127.0.0.1", 0, center, config, db, java.time.Clock.systemUTC());
        server.start();
        URI uri = ServerFactory.uri(server);
        return new Running(URI.create("http://127.0.0.1:" + uri.getPort()), server.getThreadPool(), center, () -> {
            try {
                server.stop();
            } finally {
                center.close();
                db.close();
            }
        });
    }
}
