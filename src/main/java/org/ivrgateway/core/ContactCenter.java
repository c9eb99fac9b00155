package org.ivrgateway.core;

import static org.ivrgateway.api.IvrFunction.*;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.ChangeFeed;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.store.Database;

/**
 * The contact center and its composition root (docs/ARCHITECTURE.md, "The core's shape"): it builds the
 * repositories and services once, gives each function handler and each port only what it uses, and
 * exposes the four api ports — {@link IvrApi} ({@link Invoker}), {@link AgentDesk} ({@link DeskPort}),
 * {@link Telephony} ({@link TelephonyPort}) and {@link ContactCenterView} ({@link CenterViews}), each
 * implemented by one class — to the edges, which take a center that is all four. All state lives in the
 * database, so a new instance on the same database — or another node — carries on with every call, agent
 * and session. {@link #start} runs the node's timers and its watcher of other nodes' changes; {@link #close}
 * stops them.
 */
public final class ContactCenter implements IvrApi, AgentDesk, Telephony, ContactCenterView, AutoCloseable {
    private final Signals signals;
    private final IvrApi api;
    private final AgentDesk desk;
    private final TelephonyPort telephony;
    private final ContactCenterView views;
    private final SystemStatusProbe status;
    private final Sweeper sweeper;
    private final ChangeFeed feed;

    public ContactCenter(Database db, CenterConfig config, Clock clock) {
        this(db, config, clock, UnaryOperator.identity());
    }

    /** The same, each unit of work's connection passed through {@code connections} (tests count statements). */
    ContactCenter(Database db, CenterConfig config, Clock clock, UnaryOperator<Connection> connections) {
        this.signals = new Signals();
        Store store = new Store(db, clock, signals, connections);
        Parts p = Parts.build(config, store, signals);
        CallbackWork callbackWork = new CallbackWork(p);
        this.status = new SystemStatusProbe(store, config.telephony());
        this.telephony = new TelephonyPort(config, store, p.calls(), p.events(), p.router(), callbackWork,
                p.registrations());
        this.views = new CenterViews(config, store, p.calls(), p.contactData(), p.agents(), p.statistics(),
                p.registrations(), p.events(), callbackWork, status);
        this.desk = new DeskPort(config, store, p.agents(), p.desk(), p.router(), callbackWork, p.registrations());
        this.feed = new ChangeFeed(db, signals);
        this.sweeper = new Sweeper(config, store, signals, p.sessions(), p.calls(), p.agents(), p.visits(), p.events(),
                p.router(), p.transit(), callbackWork, feed);
        this.api = new Invoker(config, store, p.sessions(), p.calls(), functions(config, store, p, callbackWork),
                () -> SystemStatusProbe.toResult(status.status()));
    }

    /** Each IVR function: what its transaction locks, and its handler (docs/ARCHITECTURE.md). */
    private Map<IvrFunction, Routine> functions(CenterConfig config, Store store, Parts p, CallbackWork callbackWork) {
        SessionFunctions session = new SessionFunctions(config, p.sessions(), p.calls());
        QueueFunctions queue = new QueueFunctions(config, p.calls(), p.router(), p.statistics());
        CallDataFunctions data = new CallDataFunctions(config, p.calls(), p.contactData(), p.router());
        SwitchFunctions sw = new SwitchFunctions(config, p.calls(), p.events(), p.router());
        AgentFunctions agent = new AgentFunctions(config, p.agents(), p.desk());
        ServiceFunctions services = new ServiceFunctions(config, p.contactData(), p.statistics(), p.transit(),
                p.callbacks(), callbackWork, p.rules());
        CallStatusQuery callStatus = new CallStatusQuery(config, store, signals, p.calls(), p.router());
        Map<IvrFunction, Routine> h = new EnumMap<>(IvrFunction.class);
        h.put(INITIALIZE, Routine.of(session::initialize));
        h.put(SET_CALL_INFO, Routine.of(session::setCallInfo));
        h.put(QUERY_CALL_INFO, Routine.of(session::queryCallInfo));
        h.put(ENQUEUE, Routine.routes(queue::enqueue));
        h.put(ENQUEUE_FOR_AGENT, Routine.routes(queue::enqueueForAgent));
        h.put(DEQUEUE, Routine.routes(queue::dequeue));
        h.put(QUERY_QUEUE_STATISTICS, Routine.of(queue::queryQueueStatistics));
        h.put(QUERY_CALL_STATUS, Routine.continued(callStatus));
        h.put(SET_CONTACT_DATA, Routine.changesCall(data::setContactData));
        h.put(GET_CONTACT_DATA, Routine.of(data::getContactData));
        h.put(SET_CALL_TRANSFERABLE, Routine.routes(data::setCallTransferable));
        h.put(GET_CALL_TRANSFERABLE, Routine.of(data::getCallTransferable));
        h.put(SET_BUSINESS_UNIT, Routine.changesCall(data::setBusinessUnit));
        h.put(GET_BUSINESS_UNIT, Routine.of(data::getBusinessUnit));
        h.put(TRANSFER, Routine.routes(sw::transfer));
        h.put(DISCONNECT, Routine.routes(sw::disconnect));
        h.put(SET_DISPLAY, Routine.changesCall(sw::setDisplay));
        h.put(CALLER_DISCONNECTED, Routine.routes(sw::callerDisconnected));
        h.put(QUERY_AGENT_STATUS, Routine.of(agent::queryAgentStatus));
        h.put(QUERY_SYSTEM_STATUS, Routine.continued(status.function()));
        h.put(GET_TRANSIT_NUMBER, Routine.of(services::getTransitNumber));
        h.put(RELEASE_TRANSIT_NUMBER, Routine.of(services::releaseTransitNumber));
        h.put(CREATE_CALLBACK, Routine.of(services::createCallback));
        h.put(DELETE_CALLBACK, Routine.routes(services::deleteCallback));
        h.put(QUERY_ROUTING_INFO, Routine.of(services::queryRoutingInfo));
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
        return signals.watched().size();
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
        return signals.parked(callId);
    }

    /** The four ports, for an edge that needs only one of them. */
    public IvrApi ivrApi() {
        return api;
    }

    public AgentDesk agentDesk() {
        return desk;
    }

    public Telephony telephony() {
        return telephony;
    }

    public ContactCenterView view() {
        return views;
    }

    @Override
    public void close() {
        sweeper.stop();
        feed.close();
        status.closed();
    }

    // The edges take a center that is all four ports; each method is its port's (one line each).

    @Override
    public Result invoke(Invocation invocation) {
        return api.invoke(invocation);
    }

    @Override
    public Views.Agent login(String agentId, String device) {
        return desk.login(agentId, device);
    }

    @Override
    public Views.Agent changeState(String agentId, AgentStatus requested) {
        return desk.changeState(agentId, requested);
    }

    @Override
    public Views.Agent logout(String agentId) {
        return desk.logout(agentId);
    }

    @Override
    public Views.Callback acceptCallback(String callbackId, String agentId) {
        return desk.acceptCallback(callbackId, agentId);
    }

    @Override
    public Views.Agent agent(String agentId) {
        return desk.agent(agentId);
    }

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

    @Override
    public List<Views.SwitchEvent> switchEvents() {
        return views.switchEvents();
    }

    @Override
    public List<Views.Queue> queues() {
        return views.queues();
    }

    @Override
    public List<Views.Call> calls(int offset, int limit) {
        return views.calls(offset, limit);
    }

    @Override
    public int liveCallCount() {
        return views.liveCallCount();
    }

    @Override
    public Optional<Views.Call> call(String callId) {
        return views.call(callId);
    }

    @Override
    public List<Views.Agent> agents() {
        return views.agents();
    }

    @Override
    public Views.Report<Views.QueueDay> queueReport(LocalDate day) {
        return views.queueReport(day);
    }

    @Override
    public Views.Report<Views.AgentDay> agentReport(LocalDate day) {
        return views.agentReport(day);
    }

    @Override
    public List<Views.Callback> callbacks() {
        return views.callbacks();
    }

    @Override
    public Views.SystemStatus systemStatus() {
        return views.systemStatus();
    }
}
