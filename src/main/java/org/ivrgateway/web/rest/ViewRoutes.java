package org.ivrgateway.web.rest;

import java.util.List;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;

/** The read views of the live contact center: queues with their statistics, calls, agents. */
final class ViewRoutes {
    private ViewRoutes() {
    }

    static List<Route> of(ContactCenterView view) {
        return List.of(
                new Route("GET", "/api/queues", r -> Reply.ok(view.queues())),
                new Route("GET", "/api/calls", r -> Reply.ok(view.calls())),
                new Route("GET", "/api/calls/{callId}", r -> Reply.ok(view.calls().stream()
                        .filter(c -> c.callId().equals(r.path("callId"))).findFirst()
                        .orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no call " + r.path("callId"))))),
                new Route("GET", "/api/agents", r -> Reply.ok(view.agents())));
    }
}
