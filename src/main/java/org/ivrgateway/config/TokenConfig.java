package org.ivrgateway.config;

import java.util.Locale;

/**
 * One machine's bearer token ({@code access.tokens:}, docs/SECURITY.md): a name for the audit log, a role
 * (telephony, agent with its {@code agentId}, supervisor, admin) and the hex SHA-256 of the token; the
 * token itself is not in the configuration.
 */
public record TokenConfig(String name, Role role, String agentId, String sha256) {

    public TokenConfig {
        String key = "access.tokens." + name;
        Checks.name("access.tokens.name", name, 64);
        if (role == null) throw new IllegalArgumentException(key + ".role: required");
        agentId = Access.agentId(key, role, agentId);
        sha256 = Access.sha256(key + ".sha256", sha256);
    }

    /** A credential that a platform sends with HTTP basic authentication: a user name and its password's SHA-256. */
    public record Basic(String name, String sha256) {
        public Basic {
            Checks.name("access.vxml.basic.name", name, 64);
            if (name.contains(":")) throw new IllegalArgumentException("access.vxml.basic." + name + ".name: may not contain ':'");
            sha256 = Access.sha256("access.vxml.basic." + name + ".sha256", sha256);
        }
    }

    /** Shared checks of the access records. */
    static final class Access {
        private Access() {
        }

        static String agentId(String key, Role role, String agentId) {
            if (role == Role.AGENT && (agentId == null || agentId.isBlank())) {
                throw new IllegalArgumentException(key + ".agentId: required for the agent role");
            }
            if (role != Role.AGENT && agentId != null) {
                throw new IllegalArgumentException(key + ".agentId: only the agent role acts as an agent");
            }
            return agentId;
        }

        static String sha256(String key, String value) {
            if (value == null || !value.matches("^[0-9a-fA-F]{64}$")) {
                throw new IllegalArgumentException(key + ": expected 64 hexadecimal digits (the SHA-256 of the secret,"
                        + " e.g. printf %s TOKEN | sha256sum)");
            }
            return value.toLowerCase(Locale.ROOT);
        }
    }
}
