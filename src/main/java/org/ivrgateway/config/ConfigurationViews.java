package org.ivrgateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ivrgateway.api.ConfigurationView;

/** The configuration as the console shows it ({@link ConfigurationView}), routing rules in words. */
public final class ConfigurationViews {
    private ConfigurationViews() {
    }

    public static ConfigurationView of(CenterConfig c) {
        List<ConfigurationView.Queue> queues = c.queues().stream().map(q -> new ConfigurationView.Queue(q.name(),
                q.businessUnit(), q.pilot(), q.serviceLevelSeconds(), q.overflow() == null ? null
                        : new ConfigurationView.Overflow(q.overflow().afterSeconds(), q.overflow().destination())))
                .toList();
        List<ConfigurationView.Agent> agents = c.agents().stream()
                .map(a -> new ConfigurationView.Agent(a.id(), a.name(), a.queues(), a.wrapUpSeconds())).toList();
        CallbackConfig cb = c.callbacks();
        List<String> hours = cb.hours().entrySet().stream().map(h -> h.getKey().name().charAt(0)
                + h.getKey().name().substring(1).toLowerCase(Locale.ROOT) + " " + h.getValue().open() + "–"
                + h.getValue().closeText()).toList();
        return new ConfigurationView(c.platform().key(), c.multiTenant(), c.businessUnits(), c.adminServerName(),
                c.gateway().maxWaitMillis(), c.gateway().sessionIdleSeconds(), c.statistics().windowMinutes(),
                queues, agents, c.ivrDevices(), c.agentDevices(), c.transitNumbers().numbers(),
                c.transitNumbers().expirySeconds(), new ConfigurationView.Callbacks(cb.queues(), cb.timeZone(), hours,
                cb.excludedNumbers(), cb.maxDaysAhead()),
                c.routing().stream().map(ConfigurationViews::inWords).toList());
    }

    static ConfigurationView.Rule inWords(RoutingRule rule) {
        return new ConfigurationView.Rule(conditions(rule.when()), action(rule));
    }

    static String conditions(RoutingRule.When w) {
        List<String> parts = new ArrayList<>();
        if (!w.businessUnits().isEmpty()) parts.add("business unit is " + String.join(" or ", w.businessUnits()));
        if (w.dnis() != null) parts.add("DNIS is " + w.dnis());
        if (w.ani() != null) parts.add("ANI is " + w.ani());
        w.contactData().forEach((k, v) -> parts.add("contact data " + k + " is " + v));
        if (Boolean.TRUE.equals(w.open())) parts.add("business hours open");
        if (Boolean.TRUE.equals(w.closed())) parts.add("business hours closed");
        String queue = w.queue() == null ? "the queue" : "queue " + w.queue();
        if (w.estimatedWaitAbove() != null) parts.add("estimated wait in " + queue + " above " + w.estimatedWaitAbove() + " s");
        if (w.estimatedWaitAtMost() != null) parts.add("estimated wait in " + queue + " at most " + w.estimatedWaitAtMost() + " s");
        if (w.agentsAvailableAtLeast() != null) parts.add("at least " + w.agentsAvailableAtLeast() + " agents available in " + queue);
        if (w.callsWaitingAbove() != null) parts.add("more than " + w.callsWaitingAbove() + " calls waiting in " + queue);
        return parts.isEmpty() ? "always" : String.join(" and ", parts);
    }

    static String action(RoutingRule rule) {
        if (rule.enqueue() != null) {
            RoutingRule.Enqueue e = rule.enqueue();
            String text = "enqueue in " + e.queue() + ", priority " + e.priority();
            if (e.description() != null) text += ", “" + e.description() + "”";
            if (e.agent() != null) {
                text += ", reserved for agent " + e.agent() + (e.agentWaitTime() == null ? "" : " for " + e.agentWaitTime() + " s");
            }
            return text;
        }
        if (rule.transfer() != null) return "transfer to " + rule.transfer();
        return "disconnect";
    }
}
