package org.ivrgateway.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The baseline: the same Jetty, with a thread pool set up like the gateway's (requests on virtual threads)
 * and the same handler chain (graceful handler, servlet context), answering every request with
 * one static VoiceXML document (with the gateway's headers) after reading the form body, as the gateway's
 * servlet would. Anything faster than this the gateway cannot be.
 */
final class StaticDocumentServer implements AutoCloseable {
    /** A request with this parameter is held that many ms from its arrival before it is answered (a bare wait). */
    static final String HOLD_MILLIS = "HoldMillis";

    private final Server server;

    StaticDocumentServer(ThreadPool model, byte[] document) throws Exception {
        server = new Server(like(model));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Document(document)), "/*");
        server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler(context));
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    /** A new pool of the same kind and sizes as {@code model}. */
    static ThreadPool like(ThreadPool model) {
        if (model instanceof QueuedThreadPool q) {
            QueuedThreadPool copy = new QueuedThreadPool(q.getMaxThreads(), q.getMinThreads(), q.getIdleTimeout());
            copy.setReservedThreads(q.getReservedThreads());
            if (q.getVirtualThreadsExecutor() != null) {
                copy.setVirtualThreadsExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            }
            copy.setName("baseline");
            return copy;
        }
        if (model instanceof VirtualThreadPool v) {
            VirtualThreadPool copy = new VirtualThreadPool(v.getMaxThreads());
            copy.setName("baseline");
            return copy;
        }
        return new QueuedThreadPool();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Document extends HttpServlet {
        private final byte[] body;

        Document(byte[] body) {
            this.body = body;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getParameterMap(); // read and decode the form, as the gateway does
            String hold = req.getParameter(HOLD_MILLIS);
            if (hold != null) holdFor(req, Long.parseLong(hold));
            resp.setContentType("application/voicexml+xml; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-cache, no-store");
            resp.setHeader("Pragma", "no-cache");
            resp.setHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }

        /** Sleeps until {@code millis} after the request's arrival by Jetty's clock, as a gateway's wait ends. */
        private static void holdFor(HttpServletRequest req, long millis) throws IOException {
            long end = ServletContextRequest.getServletContextRequest(req).getBeginNanoTime()
                    + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
            try {
                long left;
                while ((left = end - System.nanoTime()) > 0) java.util.concurrent.locks.LockSupport.parkNanos(left);
            } finally {
                if (Thread.interrupted()) throw new IOException("interrupted while held");
            }
        }
    }
}
