package org.ivrgateway.bench;

/**
 * How the simulated ports and agents behave in one phase.
 *
 * @param ports          concurrent IVR ports, one virtual thread each
 * @param callsPerSecond new calls per second over all ports; 0 = closed loop, each port starts its next
 *                       call as soon as the last one is transferred (saturation)
 * @param promptMillis   pause between IVR steps, standing for the prompts the browser plays
 * @param waitMillis     QueryCallStatus's Timeout while the call is queued (0 = immediate polling)
 * @param talkMillis     how long an agent talks before the call is cleared
 * @param agents         simulated agents, each logged on at its own device, wrap-up 0
 */
record Scenario(String name, int ports, double callsPerSecond, int promptMillis, int waitMillis, int talkMillis,
                int agents) {

    Scenario {
        if (ports < 1 || agents < 1) throw new IllegalArgumentException(name + ": ports and agents must be at least 1");
    }

    /** Nanoseconds between two call starts on one port; 0 in a closed loop. */
    long cycleNanos() {
        return callsPerSecond <= 0 ? 0 : (long) (ports / callsPerSecond * 1e9);
    }

    /** Ports and rate as the doc shows them. */
    String describe() {
        return ports + " ports, " + (callsPerSecond <= 0 ? "closed loop" : callsPerSecond + " new calls/s")
                + ", prompts " + promptMillis + " ms, QueryCallStatus Timeout " + waitMillis + " ms, talk "
                + talkMillis + " ms, " + agents + " agents";
    }
}
