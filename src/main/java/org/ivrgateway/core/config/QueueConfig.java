package org.ivrgateway.core.config;

/**
 * {@code queues[]} — a voice queue: its business unit, its ACD pilot (where queue-hold calls are sent), the
 * service-level threshold in seconds and where calls overflow to after waiting too long.
 */
public record QueueConfig(String name, String businessUnit, String pilot, Integer serviceLevelSeconds,
                          Overflow overflow) {

    public QueueConfig {
        Checks.name("queues[].name", name, CatalogLimits.QUEUE_NAME);
        String key = "queues." + name;
        if (pilot != null) Checks.name(key + ".pilot", pilot, CatalogLimits.DESTINATION);
        serviceLevelSeconds = Checks.atLeast(key + ".serviceLevelSeconds", serviceLevelSeconds, 1, 20);
    }

    /** {@code overflow:} — after {@code afterSeconds} in the queue the call gets status 3 and this destination. */
    public record Overflow(Integer afterSeconds, String destination) {
        public Overflow {
            afterSeconds = Checks.atLeast("overflow.afterSeconds", afterSeconds, 1, 120);
            Checks.name("overflow.destination", destination, CatalogLimits.DESTINATION);
        }
    }
}
