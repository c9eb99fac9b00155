package org.ivrgateway.config;

import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.api.AsciiNames;

/**
 * The whole configuration of one contact center (README.md, "Configuration"), immutable once built. Each record checks
 * its own fields in its constructor and names the key at fault; the YAML loader adds the line. Absent
 * sections get their documented defaults.
 */
public record CenterConfig(
        GatewaySettings gateway,
        String adminServerName,
        Platform platform,
        boolean multiTenant,
        List<String> businessUnits,
        List<String> ivrDevices,
        List<String> agentDevices,
        List<QueueConfig> queues,
        List<AgentConfig> agents,
        TransitConfig transitNumbers,
        CallbackConfig callbacks,
        List<RoutingRule> routing,
        StatisticsConfig statistics,
        Map<String, String> businessHours,
        DialPlanConfig dialPlan,
        TelephonyConfig telephony,
        DatabaseSettings database,
        CallSettings calls,
        List<UserConfig> users,
        AccessConfig access,
        ServerConfig server) {

    public CenterConfig {
        gateway = gateway == null ? GatewaySettings.DEFAULT : gateway;
        platform = platform == null ? Platform.OPENSCAPE_4000 : platform;
        businessUnits = Checks.names("businessUnits", businessUnits, CatalogLimits.BUSINESS_UNIT);
        ivrDevices = Checks.names("ivrDevices", ivrDevices, CatalogLimits.DEVICE);
        agentDevices = Checks.names("agentDevices", agentDevices, CatalogLimits.DEVICE);
        queues = queues == null ? List.of() : List.copyOf(queues);
        agents = agents == null ? List.of() : List.copyOf(agents);
        transitNumbers = transitNumbers == null ? TransitConfig.NONE : transitNumbers;
        callbacks = callbacks == null ? CallbackConfig.NONE : callbacks;
        routing = routing == null ? List.of() : List.copyOf(routing);
        statistics = statistics == null ? StatisticsConfig.DEFAULT : statistics;
        businessHours = businessHours == null ? Map.of() : Map.copyOf(businessHours);
        CallbackConfig.week("businessHours", businessHours);
        // The callbacks are made in the centre's hours unless they have hours of their own.
        if (callbacks.businessHours().isEmpty() && !businessHours.isEmpty()) {
            callbacks = callbacks.withBusinessHours(businessHours);
        }
        dialPlan = dialPlan == null ? DialPlanConfig.DEFAULT : dialPlan;
        telephony = telephony == null ? TelephonyConfig.DEFAULT : telephony;
        database = database == null ? DatabaseSettings.DEFAULT : database;
        calls = calls == null ? CallSettings.DEFAULT : calls;
        users = users == null ? List.of() : List.copyOf(users);
        access = access == null ? AccessConfig.DEFAULT : access;
        server = server == null ? ServerConfig.DEFAULT : server;
        if (adminServerName != null && adminServerName.length() > CatalogLimits.ADMIN_SERVER_NAME) {
            throw new IllegalArgumentException(
                    "adminServerName: longer than " + CatalogLimits.ADMIN_SERVER_NAME + " characters");
        }
        checkReferences(multiTenant, businessUnits, ivrDevices, agentDevices, queues, agents, callbacks);
        checkAccess(users, access, agents);
    }

    /** Names of people are unique, and a person or token acting as an agent names a configured agent. */
    private static void checkAccess(List<UserConfig> users, AccessConfig access, List<AgentConfig> agents) {
        Set<String> agentIds = new HashSet<>();
        agents.forEach(a -> agentIds.add(a.id()));
        Set<String> names = new HashSet<>();
        for (UserConfig u : users) {
            if (!names.add(u.name())) throw new IllegalArgumentException("users: duplicate name " + u.name());
            if (u.agentId() != null && !agentIds.contains(u.agentId())) {
                throw new IllegalArgumentException("users." + u.name() + ".agentId: unknown agent " + u.agentId());
            }
        }
        for (TokenConfig t : access.tokens()) {
            if (t.agentId() != null && !agentIds.contains(t.agentId())) {
                throw new IllegalArgumentException("access.tokens." + t.name() + ".agentId: unknown agent " + t.agentId());
            }
        }
    }

    /**
     * The sections before revision 2 of the contract; the newer ones take their defaults (without
     * {@code users} and {@code access} it admits no person and no machine).
     */
    public CenterConfig(GatewaySettings gateway, String adminServerName, Platform platform, boolean multiTenant,
                        List<String> businessUnits, List<String> ivrDevices, List<String> agentDevices,
                        List<QueueConfig> queues, List<AgentConfig> agents, TransitConfig transitNumbers,
                        CallbackConfig callbacks, List<RoutingRule> routing, StatisticsConfig statistics) {
        this(gateway, adminServerName, platform, multiTenant, businessUnits, ivrDevices, agentDevices, queues, agents,
                transitNumbers, callbacks, routing, statistics, null, null, null, null, null, null, null, null);
    }

    /** Every section but those of revision 2's operations and access: it admits nobody. */
    public CenterConfig(GatewaySettings gateway, String adminServerName, Platform platform, boolean multiTenant,
                        List<String> businessUnits, List<String> ivrDevices, List<String> agentDevices,
                        List<QueueConfig> queues, List<AgentConfig> agents, TransitConfig transitNumbers,
                        CallbackConfig callbacks, List<RoutingRule> routing, StatisticsConfig statistics,
                        Map<String, String> businessHours, DialPlanConfig dialPlan, TelephonyConfig telephony) {
        this(gateway, adminServerName, platform, multiTenant, businessUnits, ivrDevices, agentDevices, queues, agents,
                transitNumbers, callbacks, routing, statistics, businessHours, dialPlan, telephony, null, null, null, null,
                null);
    }

    /** Every section but those of who may do what: without {@code users} and {@code access} it admits nobody. */
    public CenterConfig(GatewaySettings gateway, String adminServerName, Platform platform, boolean multiTenant,
                        List<String> businessUnits, List<String> ivrDevices, List<String> agentDevices,
                        List<QueueConfig> queues, List<AgentConfig> agents, TransitConfig transitNumbers,
                        CallbackConfig callbacks, List<RoutingRule> routing, StatisticsConfig statistics,
                        Map<String, String> businessHours, DialPlanConfig dialPlan, TelephonyConfig telephony,
                        DatabaseSettings database, CallSettings calls) {
        this(gateway, adminServerName, platform, multiTenant, businessUnits, ivrDevices, agentDevices, queues, agents,
                transitNumbers, callbacks, routing, statistics, businessHours, dialPlan, telephony, database, calls,
                null, null, null);
    }

    /** Every section but the database's and the calls' limits, which take their defaults. */
    public CenterConfig(GatewaySettings gateway, String adminServerName, Platform platform, boolean multiTenant,
                        List<String> businessUnits, List<String> ivrDevices, List<String> agentDevices,
                        List<QueueConfig> queues, List<AgentConfig> agents, TransitConfig transitNumbers,
                        CallbackConfig callbacks, List<RoutingRule> routing, StatisticsConfig statistics,
                        Map<String, String> businessHours, DialPlanConfig dialPlan, TelephonyConfig telephony,
                        List<UserConfig> users, AccessConfig access, ServerConfig server) {
        this(gateway, adminServerName, platform, multiTenant, businessUnits, ivrDevices, agentDevices, queues, agents,
                transitNumbers, callbacks, routing, statistics, businessHours, dialPlan, telephony, null, null,
                users, access, server);
    }

    /** The centre's opening hours ({@code businessHours}, in {@code callbacks.timeZone}); days absent are closed. */
    public Map<DayOfWeek, CallbackConfig.Hours> openingHours() {
        return CallbackConfig.week("businessHours", businessHours);
    }

    private static void checkReferences(boolean multiTenant, List<String> units, List<String> ivrDevices,
                                        List<String> agentDevices, List<QueueConfig> queues,
                                        List<AgentConfig> agents, CallbackConfig callbacks) {
        Set<String> queueNames = new HashSet<>();
        for (QueueConfig q : queues) {
            if (!queueNames.add(q.name())) throw new IllegalArgumentException("queues: duplicate queue " + q.name());
            if (multiTenant && q.businessUnit() == null) {
                throw new IllegalArgumentException("queues." + q.name() + ".businessUnit: required when multiTenant is true");
            }
            if (q.businessUnit() != null && !units.contains(q.businessUnit())) {
                throw new IllegalArgumentException("queues." + q.name() + ".businessUnit: " + q.businessUnit()
                        + " is not in businessUnits");
            }
        }
        Set<String> agentIds = new HashSet<>();
        for (AgentConfig a : agents) {
            if (!agentIds.add(a.id())) throw new IllegalArgumentException("agents: duplicate agent " + a.id());
            for (String q : a.queues()) {
                // An agent serves a callback queue by naming it here (callbacks are offered like calls).
                if (!queueNames.contains(q) && !callbacks.queues().contains(q)) {
                    throw new IllegalArgumentException("agents." + a.id() + ".queues: unknown queue " + q);
                }
            }
        }
        for (String q : callbacks.queues()) {
            if (queueNames.contains(q)) {
                throw new IllegalArgumentException("callbacks.queues: " + q + " is a voice queue; callback queues are their own");
            }
        }
        Set<String> overlap = new HashSet<>(ivrDevices);
        overlap.retainAll(agentDevices);
        if (!overlap.isEmpty()) {
            throw new IllegalArgumentException("agentDevices: " + overlap + " also listed in ivrDevices");
        }
    }

    /** This configuration with Kamailio as the switch at telephony.sip's defaults, unless it names one. */
    public CenterConfig withDefaultSip() {
        if (sipTelephony()) return this;
        TelephonyConfig sip = new TelephonyConfig(telephony.heartbeatSeconds() == 0 ? null : telephony.heartbeatSeconds(),
                new TelephonyConfig.SipConfig(null, null, null));
        return new CenterConfig(gateway, adminServerName, platform, multiTenant, businessUnits, ivrDevices,
                agentDevices, queues, agents, transitNumbers, callbacks, routing, statistics, businessHours, dialPlan,
                sip);
    }

    /** True when Kamailio is the switch (telephony.sip): then only registered phones take calls. */
    public boolean sipTelephony() {
        return telephony.sip() != null;
    }

    public Optional<QueueConfig> queue(String name) {
        return queues.stream().filter(q -> AsciiNames.same(q.name(), name)).findFirst();
    }

    public Optional<AgentConfig> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<String> businessUnit(String name) {
        return businessUnits.stream().filter(u -> AsciiNames.same(u, name)).findFirst();
    }
}
