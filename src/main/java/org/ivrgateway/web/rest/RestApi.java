package org.ivrgateway.web.rest;

import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Telephony;

/** All REST routes (README.md, "REST API") in one servlet. */
public final class RestApi {
    private RestApi() {
    }

    public static RestServlet servlet(AgentDesk desk, Telephony telephony, ContactCenterView view) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(AgentRoutes.of(desk));
        routes.addAll(TelephonyRoutes.of(telephony));
        routes.addAll(ViewRoutes.of(view));
        routes.addAll(CallbackRoutes.of(desk, telephony, view));
        routes.addAll(ReportRoutes.of(view));
        return new RestServlet(routes);
    }
}
