package org.ivrgateway.web.rest;

import static org.ivrgateway.web.rest.RestRequest.invalid;
import static org.ivrgateway.web.rest.RestRequest.required;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.AgentStatus;

/** What agents do over REST (README.md): log on at a device, change state, log off, and look. */
final class AgentRoutes {
    /** The states an agent may ask for; the others are the system's to set. */
    static final Set<AgentStatus> REQUESTABLE = Set.of(AgentStatus.AVAILABLE, AgentStatus.UNAVAILABLE, AgentStatus.WORK);

    record LoginBody(String device) {
    }

    record StateBody(String state) {
    }

    private AgentRoutes() {
    }

    static List<Route> of(AgentDesk desk) {
        return List.of(
                new Route("POST", "/api/agents/{id}/login", r ->
                        Reply.ok(desk.login(r.path("id"), required("device", r.body(LoginBody.class).device())))),
                new Route("POST", "/api/agents/{id}/state", r ->
                        Reply.ok(desk.changeState(r.path("id"), requested(r.body(StateBody.class).state())))),
                new Route("POST", "/api/agents/{id}/logout", r -> Reply.ok(desk.logout(r.path("id")))),
                new Route("GET", "/api/agents/{id}", r -> Reply.ok(desk.agent(r.path("id")))));
    }

    private static AgentStatus requested(String state) {
        String name = required("state", state).strip().toUpperCase(Locale.ROOT);
        return REQUESTABLE.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> invalid("state: '" + state + "' is not one of "
                        + REQUESTABLE.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
    }
}
