package org.ivrgateway.core.queue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.core.config.AgentConfig;
import org.ivrgateway.core.config.CenterConfig;
import org.ivrgateway.core.config.QueueConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.transit.TransitNumbers;

/**
 * Queues and routing (CONTRACT §4.4). Every method runs inside a routing transaction (the routing lock is
 * held), so matching is serialized across nodes. {@link #dispatch} hands waiting calls to agents: calls in
 * order of priority, then arrival; each to the longest-idle available agent who may take it (the reserved
 * agent while a reservation lasts, else an agent of the call's queue). A call whose transferable flag is 0
 * is skipped until it is 1 again. A call is redirected by the switch side when the switch holds it (at a
 * pilot or transit number) or when it is an FMNQ call waiting at an IVR port.
 */
public final class Router {
    private final CenterConfig config;
    private final Calls calls;
    private final Agents agents;
    private final Visits visits;
    private final SwitchEvents events;
    private final TransitNumbers transit;
    private final Registrations registrations;

    public Router(CenterConfig config, Calls calls, Agents agents, Visits visits, SwitchEvents events,
                  TransitNumbers transit, Registrations registrations) {
        this.registrations = registrations;
        this.transit = transit;
        this.config = config;
        this.calls = calls;
        this.agents = agents;
        this.visits = visits;
        this.events = events;
    }

    /** Puts the call in {@code queue} (again: a re-enqueue starts a new stay and resets transferable to 1). */
    public void enqueue(Tx tx, CallRow call, Placement p) throws SQLException {
        if (call.agentId() != null && agents.find(tx, call.agentId())
                .filter(a -> call.callId().equals(a.callId()) && a.status() == AgentStatus.TALKING).isPresent()) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId() + " is with agent " + call.agentId());
        }
        releaseAssignedAgent(tx, call, Visits.REQUEUED);
        visits.close(tx, call.callId(), Visits.REQUEUED, null);
        Long overflowAt = p.queue().overflow() == null ? null : tx.now() + p.queue().overflow().afterSeconds() * 1000L;
        Long reservedUntil = p.agentId() == null ? null : tx.now() + p.agentWaitSeconds() * 1000L;
        calls.set(tx, call.callId(), "status = ?, extension = NULL, queue_name = ?, priority = ?, description = ?,"
                        + " ivr_hold = ?, queued_ms = ?, overflow_ms = ?, reserved_agent = ?, reserved_until_ms = ?,"
                        + " agent_id = NULL, transferable = TRUE",
                CallStatus.QUEUED.code(), p.queue().name(), p.priority(), p.description(), p.ivrHold(), tx.now(),
                overflowAt, p.agentId(), reservedUntil);
        visits.open(tx, call.callId(), p.queue().name(), p.ani(), p.dnis());
        dispatch(tx);
    }

    /** Takes the call out of its queue (or back from the agent it was handed to): status 0. */
    public void dequeue(Tx tx, CallRow call, String outcome) throws SQLException {
        releaseAssignedAgent(tx, call, outcome);
        visits.close(tx, call.callId(), outcome, null);
        calls.set(tx, call.callId(), "status = ?, extension = NULL, overflow_ms = NULL, reserved_agent = NULL,"
                + " reserved_until_ms = NULL, agent_id = NULL", CallStatus.IDLE.code());
    }

    /**
     * Hands waiting calls to available agents; see the class comment for the order. The head of the queue
     * is read first: an agent who becomes free almost always takes one of the oldest calls, and reading all
     * 5,000 waiting calls for it cost milliseconds under the routing lock (docs/BENCHMARKS.md). Only when
     * free agents remain after the head is the whole queue read; the calls of the head they could not take
     * then, they cannot take now either.
     */
    public void dispatch(Tx tx) throws SQLException {
        List<AgentRow> free = new ArrayList<>(agents.available(tx));
        if (free.isEmpty()) return;
        if (config.sipTelephony()) {
            // Kamailio is the switch: a phone that is not registered cannot ring (docs/TELEPHONY.md).
            var registered = registrations.live(tx);
            free.removeIf(a -> !registered.contains(a.device()));
            if (free.isEmpty()) return;
        }
        List<CallRow> head = calls.queued(tx, DISPATCH_HEAD);
        if (assignFrom(tx, head, free) || head.size() < DISPATCH_HEAD) return;
        assignFrom(tx, calls.queued(tx), free);
    }

    /** The calls of the queue's head read by {@link #dispatch} before it reads the whole queue. */
    static final int DISPATCH_HEAD = 64;

    /** Assigns {@code queued} calls in order to the {@code free} agents; true when no agent is left free. */
    private boolean assignFrom(Tx tx, List<CallRow> queued, List<AgentRow> free) throws SQLException {
        for (CallRow call : queued) {
            if (!call.transferable()) continue;
            Optional<AgentRow> agent = free.stream().filter(a -> mayTake(a, call, tx.now())).findFirst();
            if (agent.isEmpty()) continue;
            assign(tx, call, agent.get());
            free.remove(agent.get());
            if (free.isEmpty()) return true;
        }
        return false;
    }

    /** Fires due timers: overflows (status 3), ended wrap-ups; expired reservations just widen matching. */
    public void fireTimers(Tx tx) throws SQLException {
        for (CallRow call : calls.queued(tx)) {
            if (call.overflowMs() != null && call.overflowMs() <= tx.now()) {
                overflow(tx, call);
            } else if (call.reservedUntilMs() != null && call.reservedUntilMs() <= tx.now()) {
                calls.set(tx, call.callId(), "reserved_agent = NULL, reserved_until_ms = NULL");
            }
        }
        for (AgentRow a : agents.wrapUpEnded(tx)) {
            agents.setState(tx, a.agentId(), AgentStatus.AVAILABLE, null);
        }
        dispatch(tx);
    }

    /** True when a timer of this call is due, so a reader must fire timers before trusting its status. */
    public static boolean hasDueTimer(CallRow call, long now) {
        return call.isQueued() && ((call.overflowMs() != null && call.overflowMs() <= now)
                || (call.reservedUntilMs() != null && call.reservedUntilMs() <= now));
    }

    /**
     * The phone of the agent the call was handed to did not answer (CONTRACT §4.4): the call goes back to
     * its queue at the place its entry time gives it (its stay reopens, so its wait keeps counting from
     * then), the agent becomes UNAVAILABLE, and the call is offered again. False when the call was not
     * ringing at an agent (already answered, requeued or ended): nothing changes then.
     */
    public boolean ringNoAnswer(Tx tx, CallRow call) throws SQLException {
        if (call.ended() || call.status() != CallStatus.WAITING.code() || call.agentId() == null) return false;
        Optional<AgentRow> agent = agents.find(tx, call.agentId());
        if (agent.isEmpty() || !call.callId().equals(agent.get().callId())
                || agent.get().status() != AgentStatus.RINGING) {
            return false;
        }
        agents.setState(tx, call.agentId(), AgentStatus.UNAVAILABLE, null);
        visits.reopen(tx, call.callId());
        Long overflowAt = config.queue(call.queue()).map(QueueConfig::overflow)
                .map(o -> call.queuedMs() + o.afterSeconds() * 1000L).orElse(null);
        calls.set(tx, call.callId(), "status = ?, extension = NULL, agent_id = NULL, overflow_ms = ?",
                CallStatus.QUEUED.code(), overflowAt);
        dispatch(tx);
        return true;
    }

    /** The agent answered the call handed to them: TALKING; the call has left the IVR. */
    public void answered(Tx tx, CallRow call) throws SQLException {
        if (call.agentId() != null) {
            Optional<AgentRow> agent = agents.find(tx, call.agentId());
            if (agent.isPresent() && call.callId().equals(agent.get().callId())) {
                agents.busy(tx, call.agentId(), call.callId(), AgentStatus.TALKING);
            }
        }
        calls.set(tx, call.callId(), "device = NULL");
    }

    /**
     * The call ended wherever it was (a queued call's stay ends with {@code queuedOutcome}), its transit
     * number is freed: out of its queue, its agent to wrap-up or available, status 5. */
    public void ended(Tx tx, CallRow call, String queuedOutcome) throws SQLException {
        if (call.isQueued()) visits.close(tx, call.callId(), queuedOutcome, null);
        if (call.agentId() != null) {
            Optional<AgentRow> agent = agents.find(tx, call.agentId());
            if (agent.isPresent() && call.callId().equals(agent.get().callId())) {
                if (agent.get().status() == AgentStatus.TALKING) {
                    visits.handled(tx, call.callId());
                    int wrapUp = config.agent(call.agentId()).map(AgentConfig::wrapUpSeconds).orElse(0);
                    if (wrapUp > 0) {
                        agents.setState(tx, call.agentId(), AgentStatus.WORK, tx.now() + wrapUp * 1000L);
                    } else {
                        agents.setState(tx, call.agentId(), AgentStatus.AVAILABLE, null);
                    }
                } else {
                    visits.unanswer(tx, call.callId(), Visits.ABANDONED);
                    agents.setState(tx, call.agentId(), AgentStatus.AVAILABLE, null);
                }
            }
        }
        calls.set(tx, call.callId(), "ended = TRUE, ended_ms = ?, status = ?, device = NULL, overflow_ms = NULL,"
                + " reserved_until_ms = NULL", tx.now(), CallStatus.DISCONNECT.code());
        transit.releaseIfHeld(tx.c(), call.callId());
        dispatch(tx);
    }

    /**
     * A call reached a dialed number: a transit number held by an unmonitored call (the switch is told
     * which call it is with an ARRIVAL event), else a queue's pilot. Returns the CallID, if any.
     */
    public Optional<String> arrived(Tx tx, String dialed) throws SQLException {
        Optional<String> held = transit.arrive(tx.c(), dialed);
        if (held.isPresent()) {
            Optional<CallRow> call = calls.find(tx, held.get()).filter(c -> !c.ended());
            if (call.isPresent()) {
                events.publish(tx, SwitchEvents.ARRIVAL, held.get(), dialed, "transit");
                arrivedInCenter(tx, call.get());
                return held;
            }
        }
        return arrivedAtPilot(tx, dialed);
    }

    /**
     * A call reached a queue's pilot: the oldest queue-hold call of a queue with that pilot that has not
     * arrived yet. Returns its CallID.
     */
    private Optional<String> arrivedAtPilot(Tx tx, String dialed) throws SQLException {
        for (CallRow call : calls.live(tx)) {
            boolean held = Boolean.FALSE.equals(call.ivrHold()) && !call.inCenter()
                    && (call.status() == CallStatus.QUEUED.code() || call.status() == CallStatus.WAITING.code());
            boolean ourPilot = call.queue() != null && config.queue(call.queue())
                    .map(q -> dialed.equals(q.pilot())).orElse(false);
            if (held && ourPilot) {
                arrivedInCenter(tx, call);
                return Optional.of(call.callId());
            }
        }
        return Optional.empty();
    }

    /** The switch now holds the call: an assigned or overflowed call is redirected at once. */
    public void arrivedInCenter(Tx tx, CallRow call) throws SQLException {
        calls.set(tx, call.callId(), "in_center = TRUE, device = NULL");
        if (call.status() == CallStatus.WAITING.code() || call.status() == CallStatus.NO_ANSWER.code()) {
            events.publish(tx, SwitchEvents.REDIRECT, call.callId(), call.extension(), null);
        }
    }

    private void assign(Tx tx, CallRow call, AgentRow agent) throws SQLException {
        calls.set(tx, call.callId(), "status = ?, extension = ?, agent_id = ?, reserved_agent = NULL,"
                        + " reserved_until_ms = NULL, overflow_ms = NULL",
                CallStatus.WAITING.code(), agent.device(), agent.agentId());
        agents.busy(tx, agent.agentId(), call.callId(), AgentStatus.RINGING);
        visits.close(tx, call.callId(), Visits.ANSWERED, agent.agentId());
        if (call.inCenter() || movedByTheCenter(call)) {
            events.publish(tx, SwitchEvents.REDIRECT, call.callId(), agent.device(), agent.agentId());
        }
    }

    /**
     * An FMNQ call at an IVR port (guide 3.3): it kept its place in a queue-hold stay, so the script only
     * waits and the contact center moves it to the agent (SetCallTransferable decides when it may).
     */
    private static boolean movedByTheCenter(CallRow call) {
        return call.fmnq() && call.device() != null && Boolean.FALSE.equals(call.ivrHold());
    }

    private void overflow(Tx tx, CallRow call) throws SQLException {
        String destination = config.queue(call.queue()).map(QueueConfig::overflow)
                .map(QueueConfig.Overflow::destination).orElse(null);
        calls.set(tx, call.callId(), "status = ?, extension = ?, overflow_ms = NULL, reserved_agent = NULL,"
                + " reserved_until_ms = NULL", CallStatus.NO_ANSWER.code(), destination);
        visits.close(tx, call.callId(), Visits.OVERFLOW, null);
        if (call.inCenter()) events.publish(tx, SwitchEvents.REDIRECT, call.callId(), destination, "overflow");
    }

    private boolean mayTake(AgentRow agent, CallRow call, long now) {
        if (call.isReservedAt(now)) return agent.agentId().equals(call.reservedAgent());
        return config.agent(agent.agentId()).map(a -> a.queues().contains(call.queue())).orElse(false);
    }

    private void releaseAssignedAgent(Tx tx, CallRow call, String outcome) throws SQLException {
        if (call.ended() || call.agentId() == null) return;
        Optional<AgentRow> agent = agents.find(tx, call.agentId());
        if (agent.isPresent() && call.callId().equals(agent.get().callId())
                && agent.get().status() == AgentStatus.RINGING) {
            agents.setState(tx, call.agentId(), AgentStatus.AVAILABLE, null);
            visits.unanswer(tx, call.callId(), outcome);
        }
    }
}
