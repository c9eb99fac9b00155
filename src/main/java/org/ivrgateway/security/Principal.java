package org.ivrgateway.security;

import org.ivrgateway.config.Role;

/**
 * Who a request comes from, once proven: a signed-in person, a machine with a bearer token, or a VoiceXML
 * platform admitted by its address. {@code agentId} is set for the agent role only.
 */
public record Principal(String name, Role role, String agentId, Via via) {

    /** How the requester proved who it is. */
    public enum Via {
        /** Signed in to the console: a session cookie, so forms need their CSRF token. */
        SIGN_IN,
        /** {@code Authorization: Bearer}. */
        TOKEN
    }

    /** May act as agent {@code id}: that agent itself, or an administrator. */
    public boolean actsAs(String id) {
        return role == Role.ADMIN || (role == Role.AGENT && agentId != null && agentId.equals(id));
    }

    /** Sees the whole contact center (every call and agent). */
    public boolean seesEverything() {
        return role == Role.ADMIN || role == Role.SUPERVISOR;
    }
}
