package org.ivrgateway.core.routing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.RoutingDecision;
import org.ivrgateway.core.callback.BusinessHours;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;

/**
 * Runs the {@code routing:} rules in order; the first whose conditions all hold decides. Conditions:
 * {@code dnis}, {@code ani} (exact, or a prefix when the pattern ends in {@code *}), {@code contactData}
 * (every key equal to its value), {@code open}/{@code closed} (the centre's {@code businessHours} now), and
 * the queue figures of {@code queue}, else of the rule's enqueue queue. Figures are looked at only when the
 * other conditions of the rule hold. With multiTenant a rule applies only to calls of the business units
 * its {@code businessUnits} names (every unit when it names none; a call with no unit yet matches only rules
 * naming none), and an enqueue rule only to calls of its queue's unit, so no call is sent to another unit's
 * queue (docs/CONFORMANCE.md, QueryRoutingInfo). A rule that cannot be run (figures without a queue, of an unknown
 * queue, or an enqueue to an unknown queue or agent) fails with -916; no rule holding gives -915.
 */
public final class RoutingRules {
    private final CenterConfig config;
    private final Clock clock;
    private final BusinessHours hours;

    public RoutingRules(CenterConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.hours = new BusinessHours(config.callbacks().zone(), config.openingHours());
    }

    public RoutingOutcome decide(RoutingFacts facts) {
        List<RoutingRule> rules = config.routing();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            if (holds(i, rule, facts)) return outcome(i, rule);
        }
        throw new IvrException(ReturnCode.NO_ROUTING_INFO, "no routing rule holds for ANI '" + facts.ani()
                + "', DNIS '" + facts.dnis() + "' (" + rules.size() + " rules)");
    }

    private boolean holds(int index, RoutingRule rule, RoutingFacts facts) {
        RoutingRule.When when = rule.when();
        if (!forUnitOf(rule, facts.businessUnit())) return false;
        if (!matches(when.dnis(), facts.dnis()) || !matches(when.ani(), facts.ani())) return false;
        for (Map.Entry<String, String> e : when.contactData().entrySet()) {
            if (!e.getValue().equals(facts.contactData().get(e.getKey()))) return false;
        }
        if (when.open() != null || when.closed() != null) {
            boolean open = hours.isOpen(clock.instant());
            if (when.open() != null && when.open() != open) return false;
            if (when.closed() != null && when.closed() == open) return false;
        }
        return FigureConditions.of(when).holds(index, figuresQueue(rule), config, facts);
    }

    /** Without multiTenant every rule is for every call. */
    private boolean forUnitOf(RoutingRule rule, String unit) {
        if (!config.multiTenant()) return true;
        List<String> units = rule.when().businessUnits();
        if (!units.isEmpty() && (unit == null || units.stream().noneMatch(unit::equalsIgnoreCase))) return false;
        if (rule.enqueue() == null || unit == null) return true;
        return config.queue(rule.enqueue().queue()).map(q -> unit.equalsIgnoreCase(q.businessUnit())).orElse(true);
    }

    private String figuresQueue(RoutingRule rule) {
        if (rule.when().queue() != null) return rule.when().queue();
        return rule.enqueue() == null ? null : rule.enqueue().queue();
    }

    private RoutingOutcome outcome(int index, RoutingRule rule) {
        if (rule.transfer() != null) return RoutingOutcome.transfer(rule.transfer());
        if (rule.enqueue() == null) return RoutingOutcome.disconnect();
        RoutingRule.Enqueue enqueue = rule.enqueue();
        QueueConfig queue = config.queue(enqueue.queue()).orElseThrow(() -> new IvrException(
                ReturnCode.ROUTING_WORKFLOW_ERROR, "routing[" + index + "].enqueue.queue: unknown queue " + enqueue.queue()));
        if (enqueue.agent() != null && config.agent(enqueue.agent()).isEmpty()) {
            throw new IvrException(ReturnCode.ROUTING_WORKFLOW_ERROR,
                    "routing[" + index + "].enqueue.agent: unknown agent " + enqueue.agent());
        }
        boolean agent = enqueue.agent() != null;
        return new RoutingOutcome(RoutingDecision.ENQUEUE, queue.name(), agent ? enqueue.agent() : "",
                agent ? enqueue.agentWaitTime() : 0, enqueue.description() == null ? "" : enqueue.description(),
                enqueue.priority());
    }

    /** {@code null} matches anything; {@code abc*} matches what starts with abc; else equal. */
    static boolean matches(String pattern, String value) {
        if (pattern == null) return true;
        if (value == null) return false;
        if (pattern.endsWith("*")) return value.startsWith(pattern.substring(0, pattern.length() - 1));
        return pattern.equals(value);
    }
}
