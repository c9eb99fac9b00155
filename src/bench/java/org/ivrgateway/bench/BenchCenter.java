package org.ivrgateway.bench;

import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.testing.TestAccess;
import org.ivrgateway.config.GatewaySettings;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;

/**
 * The contact center a benchmark runs: {@code ports} monitored IVR devices, {@code agents} agents with
 * their devices, all in one queue, wrap-up 0, overflow far beyond any run, and the gateway's defaults; plus the
 * wake-up phase's lanes (a queue and an agent each, {@link Devices#wakeQueue}).
 */
final class BenchCenter {
    private BenchCenter() {
    }

    static CenterConfig config(int ports, int agents) {
        if (ports > Devices.MAX_PORTS) throw new IllegalArgumentException("at most " + Devices.MAX_PORTS + " ports");
        List<String> ivrDevices = new ArrayList<>(ports);
        for (int i = 0; i < ports; i++) ivrDevices.add(Devices.ivrDevice(i));
        List<String> agentDevices = new ArrayList<>(agents);
        List<AgentConfig> agentConfigs = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            agentDevices.add(Devices.agentDevice(i));
            agentConfigs.add(new AgentConfig(Devices.agentId(i), "Agent " + i, List.of(Devices.QUEUE), 0));
        }
        List<QueueConfig> queues = new ArrayList<>();
        queues.add(new QueueConfig(Devices.QUEUE, null, "7000", 20, new QueueConfig.Overflow(86_400, Devices.OVERFLOW)));
        for (int lane = 0; lane < Devices.WAKE_LANES; lane++) {
            queues.add(new QueueConfig(Devices.wakeQueue(lane), null, "710" + lane, 20, null));
            agentDevices.add(Devices.wakeAgentDevice(lane));
            agentConfigs.add(new AgentConfig(Devices.wakeAgentId(lane), "Wake-up agent " + lane,
                    List.of(Devices.wakeQueue(lane)), 0));
        }
        RoutingRule rule = new RoutingRule(null, new RoutingRule.Enqueue(Devices.QUEUE, 1, "bench", null, null), null, null);
        return TestAccess.withAccess(new CenterConfig(GatewaySettings.DEFAULT, null, null, false, List.of(), ivrDevices,
                agentDevices, queues, agentConfigs, null, null, List.of(rule), null));
    }
}
