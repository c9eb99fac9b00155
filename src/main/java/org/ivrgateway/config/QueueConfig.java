package org.ivrgateway.config;

/**
 * {@code queues[]} — a voice queue: its business unit, its ACD pilot (where queue-hold calls are sent), the
 * service-level threshold in seconds, where calls overflow to after waiting too long, how long a call
 * handed to an agent may ring before it goes back to the queue (0 = no limit), and how often a waiting
 * call's priority grows by one (0 = never).
 */
public record QueueConfig(String name, String businessUnit, String pilot, Integer serviceLevelSeconds,
                          Overflow overflow, Integer ringNoAnswerSeconds, Integer priorityAgeSeconds) {
    public static final int DEFAULT_RING_NO_ANSWER_SECONDS = 20;

    public QueueConfig {
        Checks.name("queues[].name", name, CatalogLimits.QUEUE_NAME);
        String key = "queues." + name;
        if (pilot != null) Checks.name(key + ".pilot", pilot, CatalogLimits.DESTINATION);
        serviceLevelSeconds = Checks.atLeast(key + ".serviceLevelSeconds", serviceLevelSeconds, 1, 20);
        ringNoAnswerSeconds = Checks.atLeast(key + ".ringNoAnswerSeconds", ringNoAnswerSeconds, 0,
                DEFAULT_RING_NO_ANSWER_SECONDS);
        priorityAgeSeconds = Checks.atLeast(key + ".priorityAgeSeconds", priorityAgeSeconds, 0, 0);
    }

    /** A queue with the default ring-no-answer time and no priority aging. */
    public QueueConfig(String name, String businessUnit, String pilot, Integer serviceLevelSeconds, Overflow overflow) {
        this(name, businessUnit, pilot, serviceLevelSeconds, overflow, null, null);
    }

    /** {@code overflow:} — after {@code afterSeconds} in the queue the call gets status 3 and this destination. */
    public record Overflow(Integer afterSeconds, String destination) {
        public Overflow {
            afterSeconds = Checks.atLeast("overflow.afterSeconds", afterSeconds, 1, 120);
            Checks.name("overflow.destination", destination, CatalogLimits.DESTINATION);
        }
    }
}
