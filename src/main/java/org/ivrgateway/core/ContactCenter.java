package org.ivrgateway.core;

import static org.ivrgateway.api.IvrFunction.*;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.internal.ChangeFeed;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.store.Database;

/**
 * The contact center: the IVR API's 25 functions, the agents' desk, the telephony side's port and the
 * read views, over the database (docs/ARCHITECTURE.md). All state lives in the database, so a new instance on
 * the same database — or another node — carries on with every call, agent and session. {@link #start}
 * runs the node's timers and its watcher of other nodes' changes; {@link #close} stops them.
 */
public final class ContactCenter implements IvrApi, AgentDesk, Telephony, ContactCenterView, AutoCloseable {
    private final Parts parts;
    private final Invoker invoker;
    private final TelephonyPort telephony;
    private final CenterViews views;
    private final SystemStatusProbe status;
    private final Sweeper sweeper;
    private final ChangeFeed feed;

    public ContactCenter(Database db, CenterConfig config, Clock clock) {
        Signals signals = new Signals();
        this.parts = Parts.build(config, new Store(db, clock, signals), signals);
        this.telephony = new TelephonyPort(parts);
        this.views = new CenterViews(parts);
        this.status = new SystemStatusProbe(parts.store(), config.telephony());
        this.feed = new ChangeFeed(db, signals);
        this.sweeper = new Sweeper(parts, feed);
        this.invoker = new Invoker(parts, handlers(), r -> SystemStatusProbe.toResult(status.status()));
    }

    private Map<IvrFunction, Handler> handlers() {
        SessionFunctions session = new SessionFunctions(parts);
        QueueFunctions queue = new QueueFunctions(parts);
        CallDataFunctions data = new CallDataFunctions(parts);
        SwitchFunctions sw = new SwitchFunctions(parts);
        AgentFunctions agent = new AgentFunctions(parts);
        CallStatusQuery callStatus = new CallStatusQuery(parts);
        ServiceFunctions services = new ServiceFunctions(parts);
        Map<IvrFunction, Handler> h = new EnumMap<>(IvrFunction.class);
        h.put(INITIALIZE, session::initialize);
        h.put(SET_CALL_INFO, session::setCallInfo);
        h.put(QUERY_CALL_INFO, session::queryCallInfo);
        h.put(ENQUEUE, queue::enqueue);
        h.put(ENQUEUE_FOR_AGENT, queue::enqueueForAgent);
        h.put(DEQUEUE, queue::dequeue);
        h.put(QUERY_QUEUE_STATISTICS, queue::queryQueueStatistics);
        h.put(QUERY_CALL_STATUS, callStatus::handle);
        h.put(SET_CONTACT_DATA, data::setContactData);
        h.put(GET_CONTACT_DATA, data::getContactData);
        h.put(SET_CALL_TRANSFERABLE, data::setCallTransferable);
        h.put(GET_CALL_TRANSFERABLE, data::getCallTransferable);
        h.put(SET_BUSINESS_UNIT, data::setBusinessUnit);
        h.put(GET_BUSINESS_UNIT, data::getBusinessUnit);
        h.put(TRANSFER, sw::transfer);
        h.put(DISCONNECT, sw::disconnect);
        h.put(SET_DISPLAY, sw::setDisplay);
        h.put(CALLER_DISCONNECTED, sw::callerDisconnected);
        h.put(QUERY_AGENT_STATUS, agent::queryAgentStatus);
        h.put(QUERY_SYSTEM_STATUS, status::result);
        h.put(GET_TRANSIT_NUMBER, services::getTransitNumber);
        h.put(RELEASE_TRANSIT_NUMBER, services::releaseTransitNumber);
        h.put(CREATE_CALLBACK, services::createCallback);
        h.put(DELETE_CALLBACK, services::deleteCallback);
        h.put(QUERY_ROUTING_INFO, services::queryRoutingInfo);
        return h;
    }

    /** Starts the node's background sweeper (timers, and waking waiters on other nodes' changes). */
    public ContactCenter start() {
        feed.start();
        sweeper.start();
        return this;
    }

    /** The same, the sweeper on a thread of {@code sweeperThreads} (for tests). */
    ContactCenter start(java.util.concurrent.ThreadFactory sweeperThreads) {
        feed.start();
        sweeper.start(sweeperThreads);
        return this;
    }

    /** Fires every due timer now (overflow, reservation end, wrap-up end, idle sessions); the sweeper's job. */
    public void runTimers() {
        sweeper.runTimers();
    }

    /** How many calls have QueryCallStatus waits on this node now. */
    int callsWaitedOn() {
        return parts.signals().watched().size();
    }

    /** True while this node hears other nodes' changes through the database (PostgreSQL LISTEN/NOTIFY). */
    public boolean hearsOtherNodes() {
        return feed.listening();
    }

    /** Wakes this node's waiters whose call another node changed; the sweeper's job. */
    public void watchOtherNodes() {
        sweeper.watch();
    }

    /**
     * Requests of this node parked on {@code callId}'s wake-up signal (for tests and the benchmark's wake-up
     * phase, docs/BENCHMARKS.md; see {@code Signals#parked}).
     */
    public int parkedWaiters(String callId) {
        return parts.signals().parked(callId);
    }

    @Override
    public void close() {
        sweeper.stop();
        feed.close();
        status.closed();
    }

    // IvrApi

    @Override
    public Result invoke(Invocation invocation) {
        return invoker.invoke(invocation);
    }

    // AgentDesk

    @Override
    public Views.Agent login(String agentId, String device) {
        return parts.store().routing(tx -> {
            parts.desk().login(tx, agentId, device);
            return parts.desk().view(tx, agentId);
        });
    }

    @Override
    public Views.Agent changeState(String agentId, AgentStatus requested) {
        return parts.store().routing(tx -> {
            parts.desk().checkState(agentId, requested);
            releaseCall(tx, agentId);
            parts.desk().changeState(tx, agentId, requested);
            parts.router().dispatch(tx);
            return parts.desk().view(tx, agentId);
        });
    }

    @Override
    public Views.Agent logout(String agentId) {
        return parts.store().routing(tx -> {
            parts.desk().configured(agentId);
            releaseCall(tx, agentId);
            parts.desk().logout(tx, agentId);
            parts.router().dispatch(tx);
            return parts.desk().view(tx, agentId);
        });
    }

    /** Every agent can always change state or log off: the call they hold is let go first (Router.releaseAgent). */
    private void releaseCall(Tx tx, String agentId) throws java.sql.SQLException {
        Optional<AgentRow> row = parts.agents().find(tx, agentId);
        if (row.isPresent()) parts.router().releaseAgent(tx, row.get());
    }

    @Override
    public Views.Callback acceptCallback(String callbackId, String agentId) {
        return new CallbackWork(parts).accept(callbackId, agentId);
    }

    @Override
    public Views.Agent agent(String agentId) {
        return parts.store().transaction(tx -> {
            Views.Agent view = parts.desk().view(tx, agentId);
            return parts.config().sipTelephony() ? Registrations.withPhone(view, parts.registrations().live(tx)) : view;
        });
    }

    // Telephony

    @Override
    public String offer(String device, String ani, String dnis, String switchCallId) {
        return telephony.offer(device, ani, dnis, switchCallId);
    }

    @Override
    public void answered(String callId) {
        telephony.answered(callId);
    }

    @Override
    public void cleared(String callId) {
        telephony.cleared(callId);
    }

    @Override
    public String arrived(String dialed, String switchCallId, String callId) {
        return telephony.arrived(dialed, switchCallId, callId);
    }

    @Override
    public boolean noAnswer(String callId) {
        return telephony.noAnswer(callId);
    }

    @Override
    public void registered(String device, long expiresSeconds) {
        telephony.registered(device, expiresSeconds);
    }

    @Override
    public Views.Callback callbackOutcome(String callbackId, String outcome) {
        return telephony.callbackOutcome(callbackId, outcome);
    }

    @Override
    public List<Views.SwitchEvent> pendingEvents() {
        return telephony.pendingEvents();
    }

    @Override
    public void acknowledge(long eventId) {
        telephony.acknowledge(eventId);
    }

    @Override
    public void heartbeat() {
        telephony.heartbeat();
    }

    // ContactCenterView

    @Override
    public List<Views.SwitchEvent> switchEvents() {
        return telephony.switchEvents();
    }

    @Override
    public List<Views.Queue> queues() {
        return views.queues();
    }

    @Override
    public List<Views.Call> calls(int offset, int limit) {
        return views.calls(offset, Math.min(limit, MAX_CALLS));
    }

    @Override
    public int liveCallCount() {
        return views.liveCallCount();
    }

    @Override
    public java.util.Optional<Views.Call> call(String callId) {
        return views.call(callId);
    }

    @Override
    public List<Views.Agent> agents() {
        return views.agents();
    }

    @Override
    public Views.Report<Views.QueueDay> queueReport(java.time.LocalDate day) {
        return parts.store().transaction(tx -> new org.ivrgateway.core.report.Reports(parts.config()).queues(tx, day));
    }

    @Override
    public Views.Report<Views.AgentDay> agentReport(java.time.LocalDate day) {
        return parts.store().transaction(tx -> new org.ivrgateway.core.report.Reports(parts.config()).agents(tx, day));
    }

    @Override
    public List<Views.Callback> callbacks() {
        return new CallbackWork(parts).views();
    }

    @Override
    public Views.SystemStatus systemStatus() {
        return status.status();
    }
}
