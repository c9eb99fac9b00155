package org.ivrgateway.web.console;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.ConfigurationView;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.Role;
import org.ivrgateway.security.Principal;

/**
 * The agent desktop: log on with an agent ID and a device, change state, log off, and the call offered or
 * in progress with everything the IVR learned about it. Without a switch, its Answer and Hang up buttons
 * stand in for the agent's telephone.
 */
final class AgentDeskPage implements Page {
    private final SnapshotHub hub;
    private final AgentDesk desk;
    private final Telephony telephony;
    private final ContactCenterView view;
    private final ConfigurationView config;

    AgentDeskPage(SnapshotHub hub, AgentDesk desk, Telephony telephony, ContactCenterView view, ConfigurationView config) {
        this.hub = hub;
        this.desk = desk;
        this.telephony = telephony;
        this.view = view;
        this.config = config;
    }

    @Override
    public void get(Exchange x) throws IOException {
        Snapshot snapshot = hub.fresh();
        Map<String, Object> model = new HashMap<>();
        model.put("agentIds", config.agentIds());
        model.put("devices", config.agentDevices());
        model.put("onDuty", snapshot.agents().stream().filter(a -> a.status() != AgentStatus.LOGGED_OFF).toList());
        String id = x.param("id");
        Principal who = x.principal();
        if (id == null && who != null && who.role() == Role.AGENT) {
            // An agent has one desktop: its own (docs/SECURITY.md).
            x.response.sendRedirect(x.base() + "/agent" + Exchange.query("id", who.agentId()));
            return;
        }
        model.put("requestedId", id == null ? "" : id);
        if (id == null) {
            x.render(200, "agent", snapshot, model);
            return;
        }
        Views.Agent agent;
        try {
            agent = snapshot.agent(id).orElseGet(() -> desk.agent(id));
        } catch (IvrException e) {
            model.put("lookup", Problems.describe(e));
            x.render(404, "agent", snapshot, model);
            return;
        }
        model.put("agent", agent);
        snapshot.callOf(agent).ifPresent(call -> {
            model.put("call", call);
            // A callback offered to the agent (or being placed) is a call of its callback queue.
            view.callbacks().stream().filter(cb -> call.callId().equals(cb.queuedCallId())).findFirst()
                    .ifPresent(cb -> model.put("callback", cb));
        });
        x.render(200, "agent", snapshot, model);
    }

    @Override
    public void post(Exchange x) throws IOException {
        String id = x.required("agent", "The agent ID");
        String action = x.required("action", "The action");
        String done = switch (action) {
            case "login" -> {
                Views.Agent agent = desk.login(id, x.required("device", "The device"));
                yield "Logged on at device " + agent.device() + ".";
            }
            case "available" -> "State: " + state(desk.changeState(id, AgentStatus.AVAILABLE)) + ".";
            case "unavailable" -> "State: " + state(desk.changeState(id, AgentStatus.UNAVAILABLE)) + ".";
            case "wrapup" -> "State: " + state(desk.changeState(id, AgentStatus.WORK)) + ".";
            case "logout" -> {
                desk.logout(id);
                yield "Logged off.";
            }
            case "answer" -> {
                telephony.answered(ownCall(x, id));
                yield "Call answered.";
            }
            case "accept-callback" -> {
                Views.Callback cb = desk.acceptCallback(x.required("callback", "The CallbackID"), id);
                yield "Calling " + cb.contactName() + " back.";
            }
            case "hangup" -> {
                telephony.cleared(ownCall(x, id));
                yield "Call ended.";
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'.");
        };
        x.redirect("/agent" + Exchange.query("id", id), Flash.notice(done));
    }

    @Override
    public String back(Exchange x) {
        String id = x.param("agent");
        return id == null ? "/agent" : "/agent" + Exchange.query("id", id);
    }

    /**
     * The call of the form; an agent may answer or hang up only the call it has now (an administrator any),
     * docs/SECURITY.md.
     */
    private String ownCall(Exchange x, String agentId) {
        String callId = x.required("call", "The CallID");
        Principal who = x.principal();
        if (who != null && who.role() != Role.ADMIN && !callId.equals(desk.agent(agentId).callId())) {
            throw new IllegalArgumentException("Call " + callId + " is not the call of agent " + agentId + ".");
        }
        return callId;
    }

    private static String state(Views.Agent agent) {
        return Labels.stateName(agent.status());
    }
}
