package org.ivrgateway.web.rest;

import static org.ivrgateway.web.rest.RestRequest.invalid;
import static org.ivrgateway.web.rest.RestRequest.required;

import java.util.List;
import java.util.Map;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Telephony;

/**
 * The telephony side's REST port (docs/ARCHITECTURE.md, README.md): it reports calls offered, answered, cleared and
 * arriving at a dialed number, takes the operations that need a switch from the event list, and says it is
 * alive with a heartbeat when it has nothing else to say (QuerySystemStatus's T-Server state).
 */
final class TelephonyRoutes {

    record OfferBody(String device, String ani, String dnis, String switchCallId) {
    }

    record ArrivedBody(String dialed, String switchCallId, String callId) {
    }

    record RegistrationBody(String device, Long expires) {
    }

    private TelephonyRoutes() {
    }

    static List<Route> of(Telephony telephony) {
        return List.of(
                new Route("POST", "/api/telephony/offer", r -> {
                    OfferBody body = r.body(OfferBody.class);
                    String callId = telephony.offer(required("device", body.device()), orEmpty(body.ani()),
                            orEmpty(body.dnis()), body.switchCallId());
                    return Reply.created(Map.of("callId", callId), "/api/calls/" + callId);
                }),
                new Route("POST", "/api/calls/{callId}/answered", r -> {
                    telephony.answered(r.path("callId"));
                    return Reply.noContent();
                }),
                new Route("POST", "/api/calls/{callId}/cleared", r -> {
                    telephony.cleared(r.path("callId"));
                    return Reply.noContent();
                }),
                new Route("POST", "/api/telephony/arrived", r -> {
                    ArrivedBody body = r.body(ArrivedBody.class);
                    String dialed = required("dialed", body.dialed());
                    String callId = telephony.arrived(dialed, body.switchCallId(), body.callId());
                    if (callId == null) throw new IvrException(ReturnCode.NO_CALL, "no call is expected at " + dialed);
                    return Reply.ok(Map.of("callId", callId));
                }),
                // For a connector of its own switch what the SIP connector reports (docs/TELEPHONY.md).
                new Route("POST", "/api/calls/{callId}/no-answer", r ->
                        Reply.ok(Map.of("requeued", telephony.noAnswer(r.path("callId"))))),
                new Route("POST", "/api/telephony/registrations", r -> {
                    RegistrationBody body = r.body(RegistrationBody.class);
                    if (body.expires() == null) throw invalid("expires is required (seconds; 0 unregisters)");
                    telephony.registered(required("device", body.device()), body.expires());
                    return Reply.noContent();
                }),
                new Route("POST", "/api/telephony/heartbeat", r -> {
                    telephony.heartbeat();
                    return Reply.noContent();
                }),
                new Route("GET", "/api/telephony/events", r -> Reply.ok(telephony.pendingEvents())),
                new Route("POST", "/api/telephony/events/{id}/ack", r -> {
                    telephony.acknowledge(eventId(r.path("id")));
                    return Reply.noContent();
                }));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static long eventId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw invalid("event id: '" + id + "' is not a number");
        }
    }
}
