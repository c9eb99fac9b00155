package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ivrgateway.api.Result;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.GatewaySettings;
import org.ivrgateway.config.Platform;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.StatisticsConfig;
import org.ivrgateway.config.TransitConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;
import org.ivrgateway.testing.TestCenter;

/**
 * A contact center on a test database ({@link TestCenter}, without its timers: the tests fire them), with a
 * small configuration and helpers for scripts' first steps.
 */
final class Fixture {
    static final String IVR = "36200";
    static final String IVR2 = "36201";
    static final String SALES = "Sales";
    static final String SUPPORT = "Support";
    static final String ALAN = "790006";
    static final String BETH = "790007";
    static final String CARL = "790008";
    static final int RPC_TIMEOUT = 10_000;

    final TestDatabase test;
    final CenterConfig config;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T15:00:00Z"));
    final Database db;
    final ContactCenter center;
    private final int rpcTimeout;
    private final TestCenter started;

    Fixture(TestDatabase test) {
        this(test, config(false, Platform.OPENSCAPE_4000));
    }

    Fixture(TestDatabase test, CenterConfig config) {
        this(test, config, RPC_TIMEOUT);
    }

    private Fixture(TestDatabase test, CenterConfig config, int rpcTimeout) {
        this.test = test;
        this.config = config;
        this.rpcTimeout = rpcTimeout;
        this.started = start(TestCenter.on(test).config(config).clock(clock).withoutTimers());
        this.db = started.db();
        this.center = started.center();
    }

    private static TestCenter start(TestCenter.Builder b) {
        try {
            return b.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test center", e);
        }
    }

    /**
     * The same center whose waits last {@code waitMillis} (gateway.maxWaitMillis and the sessions'
     * RpcTimeout), so that a test bounded well below it sees a waiting request answered only by a wake-up.
     */
    static Fixture withWaitsOf(TestDatabase test, int waitMillis) {
        return new Fixture(test, config(false, Platform.OPENSCAPE_4000, waitMillis), waitMillis);
    }

    /** A second node (or a restarted one) on the same database and clock. */
    ContactCenter another() {
        return started.another();
    }

    static CenterConfig config(boolean multiTenant, Platform platform) {
        return config(multiTenant, platform, 3000);
    }

    private static CenterConfig config(boolean multiTenant, Platform platform, int maxWaitMillis) {
        return new CenterConfig(new GatewaySettings(maxWaitMillis, 600, null), "6000@localhost", platform, multiTenant,
                List.of("Toronto", "WirelessDept"), List.of(IVR, IVR2), List.of("5001", "5002", "5003"),
                List.of(new QueueConfig(SALES, "Toronto", "7000", 20, new QueueConfig.Overflow(120, "5999")),
                        new QueueConfig(SUPPORT, "WirelessDept", "7001", 30, null)),
                List.of(new AgentConfig(ALAN, "Alan Smith", List.of(SALES), 0),
                        new AgentConfig(BETH, "Beth Jones", List.of(SALES, SUPPORT), 10),
                        new AgentConfig(CARL, "Carl Brown", List.of(SUPPORT), 0)),
                new TransitConfig(List.of("8001", "8002"), 30), CallbackConfig.NONE, List.of(),
                new StatisticsConfig(30));
    }

    String initialize(String port) {
        Result r = center.initialize("10.0.0.1", port, "6000@localhost", rpcTimeout);
        assertEquals(0, r.returnCode(), r.detail());
        return r.string("SessionID");
    }

    /** A monitored call offered at {@code device}, with a session that has queried it. */
    Script monitored(String device, String ani, String dnis) {
        return monitored(device, ani, dnis, null);
    }

    /** The same, with the switch's identity of the call. */
    Script monitored(String device, String ani, String dnis, String switchCallId) {
        String callId = center.offer(device, ani, dnis, switchCallId);
        String session = initialize(portOf(device));
        Result info = center.queryCallInfo(session, device, null);
        assertEquals(0, info.returnCode(), info.detail());
        assertEquals(callId, info.string("CallID"));
        return new Script(session, callId);
    }

    /** The API port a script on this IVR device uses (ports are 1–32767). */
    static String portOf(String device) {
        return String.valueOf(Integer.parseInt(device) % 30000 + 1);
    }

    /** An unmonitored call made by SetCallInfo and QueryCallInfo("1;"). */
    Script unmonitored(String port, String ani, String dnis) {
        String session = initialize(port);
        assertEquals(0, center.setCallInfo(session, ani, dnis).returnCode());
        Result info = center.queryCallInfo(session, port, "1;");
        assertEquals(0, info.returnCode(), info.detail());
        return new Script(session, info.string("CallID"));
    }

    void available(String agentId, String device) {
        center.login(agentId, device);
        center.changeState(agentId, org.ivrgateway.api.AgentStatus.AVAILABLE);
    }

    void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    /** An IVR script's view of one call: its session and CallID. */
    record Script(String session, String callId) {
    }
}
