package org.ivrgateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.ivrgateway.testing.TestAccess;

/**
 * A minimal HTTP/1.1 client over a bounded pool of keep-alive sockets to one server: at most
 * {@code maxConnections} requests in flight, idle connections reused. Plain blocking I/O, meant for virtual
 * threads; it costs far less CPU per request than java.net.http, which matters when the generator and the
 * server share two cores. It speaks exactly what the gateway and Jetty answer: Content-Length or chunked.
 */
final class HttpPool implements AutoCloseable {
    private final InetSocketAddress address;
    private final String hostHeader;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final int readTimeoutMillis;
    final LongAdder connectionsOpened = new LongAdder();

    HttpPool(URI base, int maxConnections, int readTimeoutMillis) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.hostHeader = base.getHost() + ":" + base.getPort();
        this.permits = new Semaphore(maxConnections);
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** An answer: status and body (UTF-8). */
    /** An answer, and how long the exchange first waited for one of the pool's connections (ns). */
    record Response(int status, String body, long poolWaitNanos) {
        Response(int status, String body) {
            this(status, body, 0);
        }

        Response afterWaiting(long nanos) {
            return new Response(status, body, nanos);
        }
    }

    Response post(String path, String contentType, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        // The agents and the telephony side speak REST with an administrator's token (docs/SECURITY.md).
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer "
                + TestAccess.ADMIN_TOKEN + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return exchange(head, content);
    }

    Response get(String path) throws IOException {
        return exchange(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    private Response exchange(byte[] head, byte[] content) throws IOException {
        long before = System.nanoTime();
        permits.acquireUninterruptibly();
        long waited = System.nanoTime() - before;
        try {
            return send(head, content).afterWaiting(waited);
        } finally {
            permits.release();
        }
    }

    private Response send(byte[] head, byte[] content) throws IOException {
        Connection c = idle.pollFirst();
        boolean reused = c != null;
        if (c == null) c = open();
        try {
            Response r = c.exchange(head, content);
            if (c.keepAlive) idle.offerFirst(c); else c.close();
            return r;
        } catch (StaleConnectionException e) {
            c.close();
            if (!reused) throw e;
            // The server closed a keep-alive connection before reading our request: send it again.
            Connection fresh = open();
            Response r = fresh.exchange(head, content);
            if (fresh.keepAlive) idle.offerFirst(fresh); else fresh.close();
            return r;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Connection open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(address, 5_000);
        s.setSoTimeout(readTimeoutMillis);
        connectionsOpened.increment();
        return new Connection(s);
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) c.close();
    }

    private static final class StaleConnectionException extends IOException {
        StaleConnectionException() {
            super("connection closed by the server before any answer");
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        boolean keepAlive = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        Response exchange(byte[] head, byte[] content) throws IOException {
            byte[] all = new byte[head.length + content.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(content, 0, all, head.length, content.length);
            try {
                out.write(all);
                out.flush();
            } catch (IOException e) {
                throw new StaleConnectionException();
            }
            String status = readLine(true);
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Integer.parseInt(value);
                else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
                else if (name.equalsIgnoreCase("Connection")) keepAlive = !value.equalsIgnoreCase("close");
            }
            boolean noBody = code == 204 || code == 304 || code / 100 == 1;
            byte[] body = noBody ? new byte[0] : chunked ? readChunked() : length >= 0 ? in.readNBytes(length) : readToEnd();
            return new Response(code, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] readChunked() throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(false);
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    while (!readLine(false).isEmpty()) {
                        // trailers: none expected, skipped
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(false);
            }
        }

        private byte[] readToEnd() throws IOException {
            keepAlive = false;
            return in.readAllBytes();
        }

        private String readLine(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (first && line.isEmpty()) throw new StaleConnectionException();
                    throw new IOException("connection closed in the middle of an answer");
                }
                if (b == '\n') break;
                if (b != '\r') line.append((char) b);
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we no longer use
            }
        }
    }
}
