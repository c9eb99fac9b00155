package org.ivrgateway.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

/**
 * {@link Agents#statuses}: the stored states of a queue's agents, read by key for a short list and in one
 * pass over every row for a long one (docs/STATISTICS.md, "Cost"); both give what every row says, and an
 * agent without a row is absent (logged off).
 */
class AgentStatusesTest {

    @BothDatabases
    void aShortAndALongListBothGiveTheStoredStatesOfTheirAgentsOnly(TestDatabase test) throws Exception {
        try (Database db = test.open()) {
            Store store = new Store(db, Clock.systemUTC(), new Signals());
            Agents agents = new Agents();
            AgentStatus[] states = {AgentStatus.AVAILABLE, AgentStatus.UNAVAILABLE, AgentStatus.WORK};
            int stored = 3 * Agents.MAX_LISTED;
            store.transaction(tx -> {
                for (int i = 0; i < stored; i++) agents.logOn(tx, "a" + i, "d" + i, states[i % states.length]);
                return null;
            });
            Map<String, AgentStatus> truth = new HashMap<>();
            store.transaction(tx -> {
                for (AgentRow r : agents.all(tx)) truth.put(r.agentId(), r.status());
                return null;
            });
            for (int n : List.of(1, Agents.MAX_LISTED, Agents.MAX_LISTED + 1, 2 * Agents.MAX_LISTED)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) ids.add("a" + (2 * i));
                ids.add("nobody");
                Map<String, AgentStatus> expected = new HashMap<>();
                for (String id : ids) if (truth.containsKey(id)) expected.put(id, truth.get(id));
                assertEquals(expected, store.transaction(tx -> agents.statuses(tx, ids)), n + " agents asked for");
            }
        }
    }
}
