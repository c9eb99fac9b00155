package org.ivrgateway.bench;

import java.net.URI;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.ivrgateway.core.config.CenterConfig;

/** Starts the real gateway through the server's own factory, on 127.0.0.1 and a free port. */
final class GatewayLauncher {
    private GatewayLauncher() {
    }

    /** A started gateway: where it answers, its Jetty thread pool (the baseline copies it), how to stop it. */
    record Running(URI uri, ThreadPool threadPool, AutoCloseable stopper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }

    static Running start(CenterConfig config, BenchDatabase database) throws Exception {
        throw new UnsupportedOperationException("server not on main yet");
    }
}
