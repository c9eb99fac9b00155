package org.ivrgateway.web.console;

import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.core.config.RoutingRule;

/** A routing rule in words, for the configuration page: its conditions and what it decides. */
public record RuleInWords(String when, String then) {

    static RuleInWords of(RoutingRule rule) {
        return new RuleInWords(conditions(rule.when()), action(rule));
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
