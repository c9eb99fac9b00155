package org.ivrgateway.testing;

import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.config.AccessConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.Role;
import org.ivrgateway.config.TokenConfig;
import org.ivrgateway.config.UserConfig;
import org.ivrgateway.security.Digests;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The people and machines of the test configurations (docs/SECURITY.md): every shared test client (REST,
 * console browsers, sample centers) presents {@link #ADMIN_TOKEN} unless a test says otherwise. Passwords
 * are bcrypt hashes of the lowest cost, so signing in stays quick in tests.
 */
public final class TestAccess {
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String SUPERVISOR_TOKEN = "test-supervisor-token";
    public static final String TELEPHONY_TOKEN = "test-telephony-token";
    public static final String ADMIN = "root";
    public static final String SUPERVISOR = "sam";
    /** The agent every test configuration has. */
    public static final String AGENT_ID = "790006";

    private static final BCryptPasswordEncoder FAST_BCRYPT = new BCryptPasswordEncoder(4);

    private TestAccess() {
    }

    /** The password of a test user: its name and {@code -pass}. */
    public static String password(String user) {
        return user + "-pass";
    }

    /** The token of agent {@code id}. */
    public static String agentToken(String id) {
        return "test-agent-" + id + "-token";
    }

    /** The user name of agent {@code id}. */
    public static String agentUser(String id) {
        return "agent-" + id;
    }

    /** {@code yaml} with the test people and machines appended: agent {@link #AGENT_ID} and the {@code agentIds}. */
    public static String withAccess(String yaml, String... agentIds) {
        StringBuilder b = new StringBuilder(yaml).append("\n# test access (TestAccess)\nusers:\n");
        user(b, ADMIN, "admin", null);
        user(b, SUPERVISOR, "supervisor", null);
        for (String id : agents(agentIds)) user(b, agentUser(id), "agent", id);
        b.append("access:\n  tokens:\n");
        token(b, "admin-machine", "admin", null, ADMIN_TOKEN);
        token(b, "wallboard", "supervisor", null, SUPERVISOR_TOKEN);
        token(b, "pbx", "telephony", null, TELEPHONY_TOKEN);
        for (String id : agents(agentIds)) token(b, "phone-" + id, "agent", id, agentToken(id));
        return b.toString();
    }

    /** {@code config} with the same people and machines, for a configuration built in Java. */
    public static CenterConfig withAccess(CenterConfig c) {
        List<UserConfig> users = List.of(new UserConfig(ADMIN, Role.ADMIN, null, FAST_BCRYPT.encode(password(ADMIN))));
        AccessConfig access = new AccessConfig(null,
                List.of(new TokenConfig("admin-machine", Role.ADMIN, null, Digests.sha256(ADMIN_TOKEN))), null);
        return new CenterConfig(c.gateway(), c.adminServerName(), c.platform(), c.multiTenant(), c.businessUnits(),
                c.ivrDevices(), c.agentDevices(), c.queues(), c.agents(), c.transitNumbers(), c.callbacks(),
                c.routing(), c.statistics(), c.businessHours(), c.dialPlan(), c.telephony(), users, access, c.server());
    }

    private static List<String> agents(String... more) {
        List<String> ids = new ArrayList<>(List.of(AGENT_ID));
        for (String id : more) if (!ids.contains(id)) ids.add(id);
        return ids;
    }

    private static void user(StringBuilder b, String name, String role, String agentId) {
        b.append("  - { name: ").append(name).append(", role: ").append(role);
        if (agentId != null) b.append(", agentId: \"").append(agentId).append('"');
        b.append(", passwordHash: \"").append(FAST_BCRYPT.encode(password(name))).append("\" }\n");
    }

    private static void token(StringBuilder b, String name, String role, String agentId, String token) {
        b.append("    - { name: ").append(name).append(", role: ").append(role);
        if (agentId != null) b.append(", agentId: \"").append(agentId).append('"');
        b.append(", sha256: \"").append(Digests.sha256(token)).append("\" }\n");
    }
}
