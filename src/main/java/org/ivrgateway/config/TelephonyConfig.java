package org.ivrgateway.config;

/**
 * {@code telephony:} — {@code heartbeatSeconds}: 0 (the default without {@code sip}) when the telephony side
 * has no connection to lose (the built-in REST telephony), so QuerySystemStatus reports the T-Server
 * operational; above 0, the T-Server is operational only while the telephony side spoke to the core (a
 * report or a heartbeat) within that many seconds (docs/CONFORMANCE.md, QuerySystemStatus). With
 * {@code sip}, the gateway connects to Kamailio (docs/TELEPHONY.md) and pings it within every heartbeat
 * period (default 5 seconds; 0 is refused).
 */
public record TelephonyConfig(Integer heartbeatSeconds, SipConfig sip) {
    public static final TelephonyConfig DEFAULT = new TelephonyConfig(null, null);

    public TelephonyConfig {
        heartbeatSeconds = Checks.atLeast("telephony.heartbeatSeconds", heartbeatSeconds, 0, sip == null ? 0 : 5);
        if (sip != null && heartbeatSeconds == 0) {
            throw new IllegalArgumentException("telephony.heartbeatSeconds: must be at least 1 with telephony.sip");
        }
    }

    /** The REST telephony side with a heartbeat of {@code heartbeatSeconds} (0: none). */
    public TelephonyConfig(Integer heartbeatSeconds) {
        this(heartbeatSeconds, null);
    }

    /** True when the T-Server's state follows the telephony side's heartbeat. */
    public boolean watchesHeartbeat() {
        return heartbeatSeconds > 0;
    }

    /**
     * {@code telephony.sip:} — Kamailio as the switch. {@code evapi}: host:port of Kamailio's evapi socket,
     * which the gateway connects to (default 127.0.0.1:8448); {@code rpc}: Kamailio's JSON-RPC URL (default
     * http://127.0.0.1:5061/RPC); {@code ringSeconds}: how long an agent's phone rings before the call is
     * "no answer" and goes back to its queue (default 20).
     */
    public record SipConfig(String evapi, String rpc, Integer ringSeconds) {
        public SipConfig {
            evapi = evapi == null || evapi.isBlank() ? "127.0.0.1:8448" : evapi.strip();
            rpc = rpc == null || rpc.isBlank() ? "http://127.0.0.1:5061/RPC" : rpc.strip();
            ringSeconds = Checks.atLeast("telephony.sip.ringSeconds", ringSeconds, 1, 20);
            int colon = evapi.lastIndexOf(':');
            if (colon <= 0 || !evapi.substring(colon + 1).matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("telephony.sip.evapi: must be host:port, was " + evapi);
            }
            if (!rpc.startsWith("http://") && !rpc.startsWith("https://")) {
                throw new IllegalArgumentException("telephony.sip.rpc: must be an http(s) URL, was " + rpc);
            }
        }

        public String evapiHost() {
            return evapi.substring(0, evapi.lastIndexOf(':'));
        }

        public int evapiPort() {
            return Integer.parseInt(evapi.substring(evapi.lastIndexOf(':') + 1));
        }
    }
}
