package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.GatewaySettings;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.Test;

class ServerFactoryTest {

    @Test
    void aConnectionOutlivesTheLongestQueryCallStatusWait() throws Exception {
        CenterConfig base = TestNode.loadConfig("centers/test-center.yaml");
        int longWait = 120_000; // longer than Jetty's default idle timeout of 30 s
        CenterConfig config = new CenterConfig(new GatewaySettings(longWait, 600, null), base.adminServerName(),
                base.platform(), base.multiTenant(), base.businessUnits(), base.ivrDevices(), base.agentDevices(),
                base.queues(), base.agents(), base.transitNumbers(), base.callbacks(), base.routing(), base.statistics());
        try (TestDatabase test = TestDatabases.h2();
             Database db = test.open();
             ContactCenter center = new ContactCenter(db, config, Clock.systemUTC())) {
            Server server = ServerFactory.newServer("127.0.0.1", 0, center, config, db, Clock.systemUTC());
            long idle = ((ServerConnector) server.getConnectors()[0]).getIdleTimeout();
            assertTrue(idle > longWait, "idle timeout " + idle + " ms would cut a " + longWait + " ms wait");
        }
    }
}
