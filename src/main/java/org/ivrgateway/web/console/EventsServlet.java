package org.ivrgateway.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.ivrgateway.security.Principal;
import org.ivrgateway.web.auth.Access;

/**
 * {@code /console/events}: server-sent events, one {@code snapshot} event (the JSON of {@link Snapshot}, its
 * version as the event id) whenever the contact center changed, and a comment every 15 s to find closed
 * pages. {@code ?once=1} answers with at most one event and ends (long polling, for clients whose
 * EventSource never opens: proxies that buffer, HtmlUnit). {@code Last-Event-ID} or {@code ?after=}
 * names the version the client already has.
 */
final class EventsServlet extends HttpServlet {
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private final SnapshotHub hub;

    EventsServlet(SnapshotHub hub) {
        this.hub = hub;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String seen = request.getHeader("Last-Event-ID");
        if (seen == null) seen = request.getParameter("after");
        if (seen == null) seen = "";
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Accel-Buffering", "no");
        PrintWriter out = response.getWriter();
        out.write("retry: 2000\n\n");
        out.flush();
        boolean once = request.getParameter("once") != null;
        Principal who = Access.principal(request);
        boolean everything = who != null && who.seesEverything();
        try {
            while (true) {
                Snapshot s = hub.await(seen, KEEP_ALIVE);
                if (s == null) return;
                if (!s.version().equals(seen)) {
                    seen = s.version();
                    // Everything (calls, contact data) for those who see everything; the version alone for
                    // an agent, whose page only needs to know that it should refresh (docs/SECURITY.md).
                    String data = everything ? SnapshotHub.json(s) : "{\"version\":\"" + s.version() + "\"}";
                    out.write("id: " + s.version() + "\nevent: snapshot\ndata: " + data + "\n\n");
                } else {
                    out.write(": still here\n\n");
                }
                out.flush();
                if (once || out.checkError()) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
