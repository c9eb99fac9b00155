package org.ivrgateway.web.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.api.Views;
import org.ivrgateway.json.Json;

/**
 * {@code GET /api/telephony/events/stream}: the operations waiting for the switch as server-sent events,
 * for a connector that follows them instead of polling the list (docs/TELEPHONY.md). Each pending
 * operation is sent once, as an event {@code switch} whose id is the operation's id and whose data is its
 * JSON (as in the list); {@code Last-Event-ID} (or {@code ?after=}) resumes after the operation a client
 * already has. The stream looks for new operations every {@link #LOOK_EVERY} and sends a comment every
 * {@link #KEEP_ALIVE} so that a dead connection is noticed.
 */
public final class SwitchEventStream extends HttpServlet {
    static final Duration LOOK_EVERY = Duration.ofMillis(200);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Telephony telephony;

    public SwitchEventStream(Telephony telephony) {
        this.telephony = telephony;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long after;
        try {
            after = after(request);
        } catch (NumberFormatException e) {
            response.setStatus(400);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(Json.MAPPER.writeValueAsString(new ErrorBody(
                    "Last-Event-ID / after: not an operation id", org.ivrgateway.api.ReturnCode.INVALID_PARAMETER.code())));
            return;
        }
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Accel-Buffering", "no");
        PrintWriter out = response.getWriter();
        out.write("retry: 1000\n\n");
        out.flush();
        long quietSince = System.nanoTime();
        try {
            while (!out.checkError()) {
                List<Views.SwitchEvent> fresh = telephony.pendingAfter(after);
                for (Views.SwitchEvent e : fresh) {
                    out.write("id: " + e.id() + "\nevent: switch\ndata: " + Json.MAPPER.writeValueAsString(e) + "\n\n");
                    after = e.id();
                }
                if (!fresh.isEmpty()) {
                    quietSince = System.nanoTime();
                    out.flush();
                } else if (System.nanoTime() - quietSince > KEEP_ALIVE.toNanos()) {
                    out.write(": still here\n\n");
                    out.flush();
                    quietSince = System.nanoTime();
                }
                if (request.getParameter("once") != null && !fresh.isEmpty()) return;
                Thread.sleep(LOOK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long after(HttpServletRequest request) {
        String seen = request.getHeader("Last-Event-ID");
        if (seen == null || seen.isBlank()) seen = request.getParameter("after");
        return seen == null || seen.isBlank() ? 0 : Long.parseLong(seen.strip());
    }
}
