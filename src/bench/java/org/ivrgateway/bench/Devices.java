package org.ivrgateway.bench;

/**
 * The benchmark contact center's numbering, shared by the server side (which configures it) and the
 * generator (which dials it): IVR port i is device 300000+i and API LocalPort i+1; agent i is ID 900000+i at
 * device 500000+i; one queue. The wake-up phase has lanes of its own: lane i is queue Wake{i} with one agent,
 * ID 950000+i at device 550000+i, logged on only during that phase.
 */
final class Devices {
    static final String QUEUE = "Bench";
    static final String OVERFLOW = "5999";
    static final int MAX_PORTS = 32_767; // LocalPort is 1–32767

    private Devices() {
    }

    static String ivrDevice(int port) {
        return Integer.toString(300_000 + port);
    }

    static String localPort(int port) {
        return Integer.toString(port + 1);
    }

    static String agentId(int agent) {
        return Integer.toString(900_000 + agent);
    }

    static String agentDevice(int agent) {
        return Integer.toString(500_000 + agent);
    }

    /** Lanes of the wake-up phase, each a queue with one agent of its own. */
    static final int WAKE_LANES = 4;

    static String wakeQueue(int lane) {
        return "Wake" + lane;
    }

    static String wakeAgentId(int lane) {
        return Integer.toString(950_000 + lane);
    }

    static String wakeAgentDevice(int lane) {
        return Integer.toString(550_000 + lane);
    }
}
