package org.ivrgateway.web.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;

/** The read views of the live contact center: queues with their statistics, calls, agents. */
final class ViewRoutes {
    /** Calls in one page of GET /api/calls when the request names no limit. */
    static final int DEFAULT_PAGE = 100;

    private ViewRoutes() {
    }

    static List<Route> of(ContactCenterView view) {
        return List.of(
                new Route("GET", "/api/queues", r -> Reply.ok(view.queues())),
                new Route("GET", "/api/calls", r -> calls(view, r)),
                new Route("GET", "/api/calls/{callId}", r -> Reply.ok(view.call(r.path("callId"))
                        .orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no call " + r.path("callId"))))),
                new Route("GET", "/api/agents", r -> Reply.ok(view.agents())));
    }

    /**
     * {@code GET /api/calls?offset=&limit=}: a page of the live calls in order of arrival, as a JSON array
     * (limit 1..500, default 100). {@code X-Total-Count} says how many are live; {@code Link: <…>; rel="next"}
     * names the next page while there is one (docs/RELIABILITY.md).
     */
    private static Reply calls(ContactCenterView view, RestRequest r) {
        int limit = r.queryInt("limit", 1, ContactCenterView.MAX_CALLS, DEFAULT_PAGE);
        int offset = r.queryInt("offset", 0, Integer.MAX_VALUE - ContactCenterView.MAX_CALLS, 0);
        List<Views.Call> page = view.calls(offset, limit);
        int total = view.liveCallCount();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Total-Count", Integer.toString(total));
        if (offset + page.size() < total && !page.isEmpty()) {
            headers.put("Link", "</api/calls?offset=" + (offset + page.size()) + "&limit=" + limit + ">; rel=\"next\"");
        }
        return new Reply(200, page, headers);
    }
}
