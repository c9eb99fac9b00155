package org.ivrgateway.web.rest;

import static org.ivrgateway.web.rest.RestRequest.required;

import java.util.List;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Telephony;

/**
 * Callbacks carried out (docs/CALLBACKS.md): the list with every attempt, the agent's acceptance of the
 * callback offered to them, and the telephony side's report of how the placed call ended.
 */
final class CallbackRoutes {

    record AcceptBody(String agentId) {
    }

    record OutcomeBody(String outcome) {
    }

    private CallbackRoutes() {
    }

    static List<Route> of(AgentDesk desk, Telephony telephony, ContactCenterView view) {
        return List.of(
                new Route("GET", "/api/callbacks", r -> Reply.ok(view.callbacks())),
                new Route("POST", "/api/callbacks/{id}/accept", r -> {
                    String agentId = r.hasBody() ? r.body(AcceptBody.class).agentId() : null;
                    return Reply.ok(desk.acceptCallback(r.path("id"), agentId));
                }),
                new Route("POST", "/api/callbacks/{id}/outcome", r -> Reply.ok(
                        telephony.callbackOutcome(r.path("id"), required("outcome", r.body(OutcomeBody.class).outcome())))));
    }
}
