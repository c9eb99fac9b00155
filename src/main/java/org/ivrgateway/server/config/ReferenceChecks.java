package org.ivrgateway.server.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.PhoneNumber;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;

/**
 * Cross-references that the records cannot check alone because they span sections: routing rules must
 * name configured queues, agents and business units, and test open/closed only when the centre has
 * business hours; routing and overflow destinations must be numbers Transfer accepts; and a number may serve one purpose only (a pilot or transit number
 * that is also a device would make {@code arrived} ambiguous).
 */
final class ReferenceChecks {
    private ReferenceChecks() {
    }

    static Optional<ConfigProblem> firstProblem(CenterConfig config) {
        List<RoutingRule> rules = config.routing();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "/routing/" + i;
            if (rule.enqueue() != null) {
                String queue = rule.enqueue().queue();
                if (config.queue(queue).isEmpty()) {
                    return problem(at + "/enqueue/queue", "routing[" + i + "].enqueue.queue: unknown queue " + queue);
                }
                String agent = rule.enqueue().agent();
                if (agent != null && config.agent(agent).isEmpty()) {
                    return problem(at + "/enqueue/agent", "routing[" + i + "].enqueue.agent: unknown agent " + agent);
                }
            }
            String queue = rule.when().queue();
            if (queue != null && config.queue(queue).isEmpty()) {
                return problem(at + "/when/queue", "routing[" + i + "].when.queue: unknown queue " + queue);
            }
            for (String unit : rule.when().businessUnits()) {
                if (config.businessUnit(unit).isEmpty()) {
                    return problem(at + "/when/businessUnits", "routing[" + i + "].when.businessUnits: " + unit
                            + " is not in businessUnits");
                }
            }
            if (config.multiTenant() && rule.enqueue() != null && !rule.when().businessUnits().isEmpty()) {
                String unit = config.queue(rule.enqueue().queue()).map(QueueConfig::businessUnit).orElse(null);
                if (unit != null && rule.when().businessUnits().stream().noneMatch(unit::equalsIgnoreCase)) {
                    return problem(at + "/when/businessUnits", "routing[" + i + "].when.businessUnits: the rule enqueues"
                            + " into " + rule.enqueue().queue() + " of " + unit + ", which it does not name, so it never applies");
                }
            }
            if ((rule.when().open() != null || rule.when().closed() != null) && config.businessHours().isEmpty()) {
                String key = rule.when().open() != null ? "open" : "closed";
                return problem(at + "/when/" + key, "routing[" + i + "].when." + key
                        + ": needs the centre's businessHours, which are not configured");
            }
            if (rule.transfer() != null) {
                Optional<ConfigProblem> p = destination(at + "/transfer", "routing[" + i + "].transfer", rule.transfer());
                if (p.isPresent()) return p;
            }
        }
        List<QueueConfig> queues = config.queues();
        for (int i = 0; i < queues.size(); i++) {
            QueueConfig.Overflow overflow = queues.get(i).overflow();
            if (overflow == null) continue;
            Optional<ConfigProblem> p = destination("/queues/" + i + "/overflow/destination",
                    "queues." + queues.get(i).name() + ".overflow.destination", overflow.destination());
            if (p.isPresent()) return p;
        }
        return uniqueNumbers(config);
    }

    /** Routing and overflow destinations take every form Transfer accepts (PhoneNumber). */
    private static Optional<ConfigProblem> destination(String pointer, String key, String value) {
        try {
            PhoneNumber.parse(value);
            return Optional.empty();
        } catch (PhoneNumber.Invalid e) {
            return problem(pointer, key + ": " + e.getMessage());
        }
    }

    private static Optional<ConfigProblem> uniqueNumbers(CenterConfig config) {
        Set<String> devices = new HashSet<>(config.ivrDevices());
        devices.addAll(config.agentDevices());
        List<QueueConfig> queues = config.queues();
        Set<String> pilots = new HashSet<>();
        for (int i = 0; i < queues.size(); i++) {
            String pilot = queues.get(i).pilot();
            if (pilot == null) continue;
            String key = "queues." + queues.get(i).name() + ".pilot";
            if (devices.contains(pilot)) return problem("/queues/" + i + "/pilot", key + ": " + pilot + " is also a device");
            if (!pilots.add(pilot)) return problem("/queues/" + i + "/pilot", key + ": " + pilot + " is the pilot of another queue");
        }
        List<String> transit = config.transitNumbers().numbers();
        for (int i = 0; i < transit.size(); i++) {
            String n = transit.get(i);
            if (devices.contains(n) || pilots.contains(n)) {
                return problem("/transitNumbers/numbers/" + i,
                        "transitNumbers.numbers: " + n + " is also a device or a queue's pilot");
            }
        }
        return Optional.empty();
    }

    private static Optional<ConfigProblem> problem(String pointer, String message) {
        return Optional.of(new ConfigProblem(pointer, message));
    }
}
