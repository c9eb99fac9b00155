package org.ivrgateway.config;

/**
 * One person who signs in to the console ({@code users:}, docs/SECURITY.md): a name, a role (agent,
 * supervisor or admin; an agent names its {@code agentId}) and the password as a slow hash — Argon2id in
 * the PHC format or bcrypt — never the password itself.
 */
public record UserConfig(String name, Role role, String agentId, String passwordHash) {

    public UserConfig {
        String key = "users." + name;
        Checks.name("users.name", name, 64);
        if (role == null) throw new IllegalArgumentException(key + ".role: required");
        if (role == Role.TELEPHONY) throw new IllegalArgumentException(key + ".role: telephony is a token's role, not a person's");
        agentId = TokenConfig.Access.agentId(key, role, agentId);
        if (passwordHash == null || passwordHash.isBlank()) throw new IllegalArgumentException(key + ".passwordHash: required");
        if (!passwordHash.startsWith("$argon2id$") && !passwordHash.matches("^\\$2[aby]\\$\\d\\d\\$.{53}$")) {
            throw new IllegalArgumentException(key + ".passwordHash: not an Argon2id ($argon2id$...) or bcrypt"
                    + " ($2a$, $2b$, $2y$) hash; make one with: java -jar ivr-gateway.jar hash-password");
        }
    }
}
