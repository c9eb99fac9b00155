package org.ivrgateway.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.store.Database;

/**
 * A real contact center (core and database, no HTTP) in the state the micro-benchmarks need: {@code agents}
 * agents logged on and unavailable, {@code calls} calls waiting in the one queue, each through the IVR-hold
 * flow of the API (offer, Initialize, QueryCallInfo, Enqueue), so every row is what production would hold.
 */
final class WaitingCalls implements AutoCloseable {
    final ContactCenter center;
    /** The waiting calls, oldest first, and the API session each belongs to. */
    final Map<String, String> sessionByCall = new LinkedHashMap<>();
    final List<String> agentIds = new ArrayList<>();
    private final BenchDatabase database;
    private final Database db;

    WaitingCalls(String dbChoice, int agents, int calls) throws Exception {
        database = BenchDatabase.open(dbChoice);
        db = Database.open(database.url, database.user, "", GatewayLauncher.POOL_SIZE);
        center = new ContactCenter(db, BenchCenter.config(calls, agents), Clock.systemUTC());
        for (int i = 0; i < agents; i++) {
            center.login(Devices.agentId(i), Devices.agentDevice(i));
            agentIds.add(Devices.agentId(i));
        }
        for (int i = 0; i < calls; i++) {
            String device = Devices.ivrDevice(i);
            center.offer(device, "4165550100", "69030");
            String session = center.initialize("bench", Devices.localPort(i), "6000@localhost", 10_000).string("SessionID");
            String callId = center.queryCallInfo(session, device, null).string("CallID");
            enqueue(session, callId);
            sessionByCall.put(callId, session);
        }
    }

    void enqueue(String session, String callId) {
        check(center.enqueue(session, callId, 1, Devices.QUEUE, 1, "bench", null));
    }

    /** Puts a call handed to {@code agentId} back at the end of the queue, and the agent back to unavailable. */
    void undoAssignment(String agentId, String callId) {
        String session = sessionByCall.get(callId);
        check(center.dequeue(session, callId));
        center.changeState(agentId, AgentStatus.UNAVAILABLE);
        enqueue(session, callId);
    }

    static Result check(Result r) {
        if (r.returnCode() < 0) throw new IllegalStateException(r.function().guideName() + " gave " + r.returnCode() + " " + r.detail());
        return r;
    }

    @Override
    public void close() throws Exception {
        center.close();
        db.close();
        database.close();
    }
}
