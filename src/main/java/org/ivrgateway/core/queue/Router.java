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
import org.ivrgateway.core.call.QueueRanks;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.transit.TransitNumbers;

/**
 * Queues and routing (docs/ARCHITECTURE.md, "Routing"). Every method runs inside a routing transaction
 * (the routing lock is held), so matching is serialized across nodes. {@link #dispatch} hands waiting calls
 * to agents: calls in {@link Calls#QUEUE_ORDER}; each to the longest-idle available agent who may take it
 * (the reserved agent while a reservation lasts, else an agent of the call's queue). A call whose
 * transferable flag is 0 is skipped until it is 1 again. A call is redirected by the switch side when the
 * switch holds it (at a pilot or transit number) or when it is an FMNQ call waiting at an IVR port.
 * Nothing stays stuck: a call handed out rings for at most its queue's ringNoAnswerSeconds, then goes back
 * to its place in the queue and the agent becomes UNAVAILABLE ("ring no answer").
 */
public final class Router {
    /** Why an agent was made UNAVAILABLE by the center: a call handed to them rang unanswered. */
    public static final String RING_NO_ANSWER = "ring no answer";
    /** Priorities age up to this (the guide's InitialPriority range ends at 100). */
    static final int MAX_PRIORITY = QueueRanks.MAX_PRIORITY;

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
        refuseIfAnswered(call);
        releaseAssignedAgent(tx, call, Visits.REQUEUED);
        visits.close(tx, call.callId(), Visits.REQUEUED, null);
        Long overflowAt = p.queue().overflow() == null ? null : tx.now() + p.queue().overflow().afterSeconds() * 1000L;
        Long reservedUntil = p.agentId() == null ? null : tx.now() + p.agentWaitSeconds() * 1000L;
        calls.queue(tx, call, p.queue().name(), p.priority(), p.description(), p.ivrHold(), overflowAt,
                p.agentId(), reservedUntil);
        visits.open(tx, call.callId(), p.queue().name(), p.ani(), p.dnis());
        dispatch(tx, true);
    }

    /**
     * Takes the call out of its queue (or back from the agent it was handed to, who is available again):
     * status 0. A call its agent has already answered is not the IVR's any more: -914, nothing changes.
     */
    public void dequeue(Tx tx, CallRow call, String outcome) throws SQLException {
        refuseIfAnswered(call);
        releaseAssignedAgent(tx, call, outcome);
        visits.close(tx, call.callId(), outcome, null);
        calls.dequeue(tx, call);
    }

    /**
     * Hands waiting calls to available agents; see the class comment for the order. The head of the queue
     * is read first: an agent who becomes free almost always takes one of the oldest calls. Only when free
     * agents remain after the head is the whole queue read; the calls of the head they could not take then,
     * they cannot take now either.
     */
    public void dispatch(Tx tx) throws SQLException {
        dispatch(tx, false);
    }

    /**
     * {@link #dispatch}, reading first what is likelier to be empty: after an Enqueue, the free agents (a call
     * waits now); anywhere else, the head of the queue — an index walk with LIMIT — so that with no call
     * waiting (a call ended, an agent free again with nobody queued) the available agents' rows are not read.
     */
    private void dispatch(Tx tx, boolean agentsFirst) throws SQLException {
        List<CallRow> head = agentsFirst ? null : calls.queued(tx, DISPATCH_HEAD);
        if (head != null && head.isEmpty()) return;
        List<AgentRow> free = new ArrayList<>(agents.available(tx));
        if (free.isEmpty()) return;
        if (head == null) head = calls.queued(tx, DISPATCH_HEAD);
        if (config.sipTelephony()) {
            // Kamailio is the switch: a phone that is not registered cannot ring (docs/TELEPHONY.md).
            var registered = registrations.live(tx);
            free.removeIf(a -> !registered.contains(a.device()));
            if (free.isEmpty()) return;
        }
        if (assignFrom(tx, head, free) || head.size() < DISPATCH_HEAD) return;
        assignFrom(tx, calls.queued(tx), free);
    }

    /** How many times {@link #fireTimers} reads the due call timers at most in one sweep. */
    static final int TIMER_ROUNDS = 4;

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

    /**
     * Fires every due timer ({@link CallRow#nextTimerMs}): overflows (status 3), ended reservations,
     * ring-no-answer; ended wrap-ups; aged priorities. Idempotent: any node may run it at any time.
     */
    public void fireTimers(Tx tx) throws SQLException {
        // A late sweep can take a call back from ring-no-answer when its overflow time has passed too: fire
        // again until no call timer is due. Each firing clears the timer it fired, so this ends; the bound is
        // the longest chain (ring-no-answer, then overflow) with room to spare.
        for (int round = 0; round < TIMER_ROUNDS; round++) {
            List<CallRow> due = calls.withDueTimers(tx, tx.now());
            if (due.isEmpty()) break;
            for (CallRow call : due) {
                CallRow.Timer timer = call.dueTimer(tx.now());
                if (timer == null) continue;
                switch (timer) {
                    case RING_NO_ANSWER -> ringNoAnswer(tx, call);
                    case OVERFLOW -> overflow(tx, call);
                    case RESERVATION_END -> calls.endReservation(tx, call.callId());
                }
            }
        }
        for (AgentRow a : agents.wrapUpEnded(tx)) {
            agents.setState(tx, a.agentId(), AgentStatus.AVAILABLE, null);
        }
        for (QueueConfig q : config.queues()) {
            if (q.priorityAgeSeconds() > 0) calls.agePriorities(tx, q.name(), q.priorityAgeSeconds() * 1000L, MAX_PRIORITY);
        }
        dispatch(tx);
    }

    /**
     * The switch reports that the phone the call rings at did not answer (or cannot be reached): the
     * ring-no-answer path, as when the queue's ringNoAnswerSeconds run out, then the call is offered again.
     * False when the call is not ringing at an agent (already answered, requeued or ended): nothing changes.
     */
    public boolean noAnswer(Tx tx, CallRow call) throws SQLException {
        if (!call.isRinging()) return false;
        ringNoAnswer(tx, call);
        dispatch(tx);
        return true;
    }

    /** The agent answered the call handed to them: TALKING; the call has left the IVR. */
    public void answered(Tx tx, CallRow call) throws SQLException {
        if (call.isQueued()) return; // a late answer of a call that already rang no answer and went back
        if (call.agentId() != null) {
            Optional<AgentRow> agent = agents.find(tx, call.agentId());
            if (agent.isPresent() && call.callId().equals(agent.get().callId())) {
                agents.busy(tx, call.agentId(), call.callId(), AgentStatus.TALKING);
            }
        }
        calls.answered(tx, call.callId());
    }

    /**
     * The call ended wherever it was (a queued call's stay ends with {@code queuedOutcome}), its transit
     * number is freed: out of its queue, its agent to wrap-up or available, status 5.
     */
    public void ended(Tx tx, CallRow call, String queuedOutcome) throws SQLException {
        if (call.isQueued()) visits.close(tx, call.callId(), queuedOutcome, null);
        Optional<AgentRow> agent = agentOf(tx, call);
        if (agent.isPresent() && agent.get().status() == AgentStatus.TALKING) {
            leftTheAgent(tx, call);
        } else if (agent.isPresent()) {
            visits.unanswer(tx, call.callId(), Visits.ABANDONED);
            agents.setState(tx, call.agentId(), AgentStatus.AVAILABLE, null);
        }
        calls.end(tx, call);
        transit.releaseIfHeld(tx.c(), call.callId());
        dispatch(tx);
    }

    /**
     * The call left the agent who was talking with it (it ended, or the switch offers it at an IVR port
     * again): its handling ends, the agent goes to wrap-up (or available when the agent has none).
     */
    public void leftTheAgent(Tx tx, CallRow call) throws SQLException {
        Optional<AgentRow> agent = agentOf(tx, call);
        if (agent.isEmpty() || agent.get().status() != AgentStatus.TALKING) return;
        visits.handled(tx, call.callId());
        int wrapUp = config.agent(call.agentId()).map(AgentConfig::wrapUpSeconds).orElse(0);
        if (wrapUp > 0) {
            agents.setState(tx, call.agentId(), AgentStatus.WORK, tx.now() + wrapUp * 1000L);
        } else {
            agents.setState(tx, call.agentId(), AgentStatus.AVAILABLE, null);
        }
    }

    /**
     * The agent is leaving the call they hold, whatever became of it (logging off, or changing state by
     * hand): a call still ringing goes back to its place in the queue; a call being talked goes on without
     * them, its handling ended. The caller then sets the agent's new state.
     */
    public void releaseAgent(Tx tx, AgentRow agent) throws SQLException {
        if (agent.callId() == null) return;
        Optional<CallRow> call = calls.lock(tx, agent.callId())
                .filter(c -> !c.ended() && agent.agentId().equals(c.agentId()));
        if (call.isEmpty()) return;
        if (agent.status() == AgentStatus.RINGING && call.get().isRinging()) {
            backToQueue(tx, call.get());
        } else if (agent.status() == AgentStatus.TALKING) {
            visits.handled(tx, call.get().callId());
        }
    }

    /**
     * A call reached a dialed number (docs/ARCHITECTURE.md, "Call identity"). A transit number: the call
     * holding it. A queue's pilot: the call named by {@code callId} or {@code switchCallId}; with neither, the
     * one call expected there — more than one is -914 ("ambiguous"), never a guess. A call arriving at a
     * pilot of another queue than its own (an overflow, a routing rule's or Transfer's destination) enters
     * that queue, keeping its CallID and contact data. Returns the CallID, if any.
     */
    public Optional<String> arrived(Tx tx, String dialed, String switchCallId, String callId) throws SQLException {
        Optional<String> held = transit.arrive(tx.c(), tx.instant(), dialed);
        if (held.isPresent()) {
            Optional<CallRow> call = calls.find(tx, held.get()).filter(c -> !c.ended());
            if (call.isPresent()) {
                events.publish(tx, SwitchEvents.ARRIVAL, held.get(), dialed, "transit");
                arrivedInCenter(tx, call.get());
                return held;
            }
        }
        Optional<QueueConfig> queue = config.queues().stream().filter(q -> dialed.equals(q.pilot())).findFirst();
        if (queue.isEmpty()) return Optional.empty();
        Optional<CallRow> named = named(tx, switchCallId, callId);
        CallRow call;
        if (named.isPresent()) {
            call = named.get();
        } else {
            List<CallRow> expected = calls.expectedAtPilot(tx, queue.get().name(), queue.get().pilot());
            if (expected.isEmpty()) return Optional.empty();
            if (expected.size() > 1) {
                throw new IvrException(ReturnCode.OPERATION_FAILED, "ambiguous: " + expected.size()
                        + " calls are expected at " + dialed + "; name the call with switchCallId or callId");
            }
            call = expected.get(0);
        }
        arriveAtPilot(tx, call, queue.get());
        return Optional.of(call.callId());
    }

    private Optional<CallRow> named(Tx tx, String switchCallId, String callId) throws SQLException {
        if (callId != null && !callId.isEmpty()) {
            return Optional.of(calls.find(tx, callId).filter(c -> !c.ended())
                    .orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no live call " + callId)));
        }
        if (switchCallId != null && !switchCallId.isEmpty()) {
            return Optional.of(calls.bySwitchId(tx, switchCallId).orElseThrow(
                    () -> new IvrException(ReturnCode.NO_CALL, "no live call with switchCallId " + switchCallId)));
        }
        return Optional.empty();
    }

    private void arriveAtPilot(Tx tx, CallRow call, QueueConfig queue) throws SQLException {
        boolean inItsStay = queue.name().equals(call.queue()) && Boolean.FALSE.equals(call.ivrHold())
                && (call.status() == CallStatus.QUEUED.code() || call.status() == CallStatus.WAITING.code());
        if (inItsStay) {
            arrivedInCenter(tx, call);
            return;
        }
        calls.arrivedInCenter(tx, call.callId());
        CallRow there = calls.find(tx, call.callId()).orElseThrow();
        int priority = call.basePriority() != null ? call.basePriority() : call.priority() != null ? call.priority() : 0;
        enqueue(tx, there, new Placement(queue, priority, call.description(), false, null, 0, call.ani(), call.dnis()));
    }

    /** The switch now holds the call: an assigned or overflowed call is redirected at once. */
    public void arrivedInCenter(Tx tx, CallRow call) throws SQLException {
        calls.arrivedInCenter(tx, call.callId());
        if (call.status() == CallStatus.WAITING.code() || call.status() == CallStatus.NO_ANSWER.code()) {
            events.publish(tx, SwitchEvents.REDIRECT, call.callId(), call.extension(), null);
        }
    }

    private void assign(Tx tx, CallRow call, AgentRow agent) throws SQLException {
        // A callback queue is not in queues[]: its calls ring for the default time.
        int ring = config.queue(call.queue()).map(QueueConfig::ringNoAnswerSeconds)
                .orElse(QueueConfig.DEFAULT_RING_NO_ANSWER_SECONDS);
        calls.assign(tx, call, agent.device(), agent.agentId(), ring == 0 ? null : tx.now() + ring * 1000L);
        agents.busy(tx, agent.agentId(), call.callId(), AgentStatus.RINGING);
        visits.close(tx, call.callId(), Visits.ANSWERED, agent.agentId());
        if (call.inCenter() || movedByTheCenter(call)) {
            events.publish(tx, SwitchEvents.REDIRECT, call.callId(), agent.device(), agent.agentId());
        }
    }

    /** Ring-no-answer: the call goes back to its place, its agent becomes UNAVAILABLE with the reason. */
    private void ringNoAnswer(Tx tx, CallRow call) throws SQLException {
        Optional<AgentRow> agent = agentOf(tx, call);
        if (agent.isPresent()) agents.setState(tx, call.agentId(), AgentStatus.UNAVAILABLE, null, RING_NO_ANSWER);
        backToQueue(tx, call);
    }

    /** A call handed out but not answered returns to its queue at the place its entry time gives it. */
    private void backToQueue(Tx tx, CallRow call) throws SQLException {
        Long overflowAt = config.queue(call.queue()).map(QueueConfig::overflow)
                .map(o -> call.queuedMs() + o.afterSeconds() * 1000L).orElse(null);
        visits.reopen(tx, call.callId());
        calls.requeue(tx, call, overflowAt);
        if (call.inCenter()) {
            String pilot = config.queue(call.queue()).map(QueueConfig::pilot).orElse(null);
            events.publish(tx, SwitchEvents.REDIRECT, call.callId(), pilot, RING_NO_ANSWER);
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
        calls.overflow(tx, call, destination);
        visits.close(tx, call.callId(), Visits.OVERFLOW, null);
        if (call.inCenter()) events.publish(tx, SwitchEvents.REDIRECT, call.callId(), destination, "overflow");
    }

    private boolean mayTake(AgentRow agent, CallRow call, long now) {
        if (call.isReservedAt(now)) return agent.agentId().equals(call.reservedAgent());
        return config.agent(agent.agentId()).map(a -> a.queues().contains(call.queue())).orElse(false);
    }

    /** The agent the call was handed to, while that agent still holds it. */
    private Optional<AgentRow> agentOf(Tx tx, CallRow call) throws SQLException {
        if (call.agentId() == null) return Optional.empty();
        return agents.find(tx, call.agentId()).filter(a -> call.callId().equals(a.callId()));
    }

    private static void refuseIfAnswered(CallRow call) {
        if (call.answeredMs() != null && call.agentId() != null && !call.ended()) {
            throw new IvrException(ReturnCode.OPERATION_FAILED,
                    "call " + call.callId() + " was answered by agent " + call.agentId());
        }
    }

    private void releaseAssignedAgent(Tx tx, CallRow call, String outcome) throws SQLException {
        if (call.ended()) return;
        Optional<AgentRow> agent = agentOf(tx, call);
        if (agent.isPresent() && agent.get().status() == AgentStatus.RINGING) {
            agents.setState(tx, call.agentId(), AgentStatus.AVAILABLE, null);
            visits.unanswer(tx, call.callId(), outcome);
        }
    }
}
