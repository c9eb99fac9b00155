package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.security.Digests;
import org.ivrgateway.security.Passwords;
import org.ivrgateway.server.config.ConfigException;
import org.ivrgateway.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands that make the secrets of the configuration (docs/SECURITY.md), and what the configuration
 * accepts: slow password hashes and token digests only, each refusal naming its line and key.
 */
class SecretsCommandTest {

    @Test
    void hashPasswordReadsStandardInputAndPrintsAnArgon2idHashThatMatches() throws Exception {
        StringWriter out = new StringWriter();
        InputStream stdin = System.in;
        int status;
        try {
            System.setIn(new ByteArrayInputStream("correct horse battery\n".getBytes(StandardCharsets.UTF_8)));
            status = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).execute("hash-password");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, status);
        String hash = out.toString().strip();
        assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
        assertTrue(Passwords.matches("correct horse battery", hash));
        assertFalse(Passwords.matches("correct horse", hash));
        // and the configuration takes it
        CenterConfig config = ConfigLoader.parse("t", "agents: []\nusers:\n  - { name: ada, role: admin, passwordHash: \""
                + hash + "\" }\n");
        assertEquals(hash, config.users().getFirst().passwordHash());
    }

    @Test
    void newTokenPrintsATokenAndItsDigest() {
        StringWriter out = new StringWriter();
        assertEquals(0, new CommandLine(new Main()).setOut(new PrintWriter(out, true)).execute("new-token"));
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(2, lines.length);
        assertTrue(lines[0].length() >= 40, lines[0]);
        assertEquals(Digests.sha256(lines[0]), lines[1]);
    }

    @Test
    void bcryptHashesAreAcceptedToo() {
        String bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("pw");
        assertTrue(Passwords.matches("pw", bcrypt));
        assertFalse(Passwords.matches("pw2", bcrypt));
    }

    @Test
    void theConfigurationRefusesPlainPasswordsBadDigestsAndAgentsWithoutAnAgent() {
        String base = "agents:\n  - { id: \"790006\", name: A, queues: [] }\n";
        assertRefused(base + "users:\n  - { name: ann, role: agent, agentId: \"790006\", passwordHash: secret }\n",
                "line 4: users.ann.passwordHash: not an Argon2id");
        assertRefused(base + "users:\n  - { name: ann, role: agent, passwordHash: \"$2a$04$abcdefghijklmnopqrstuuJtq0Ue3qG4mWbO1Qx7e1m0m7C3q1kG6\" }\n",
                "users.ann.agentId: required for the agent role");
        assertRefused(base + "users:\n  - { name: ann, role: agent, agentId: \"999999\", passwordHash: \"$2a$04$abcdefghijklmnopqrstuuJtq0Ue3qG4mWbO1Qx7e1m0m7C3q1kG6\" }\n",
                "users.ann.agentId: unknown agent 999999");
        assertRefused(base + "users:\n  - { name: pbx, role: telephony, passwordHash: \"$2a$04$abcdefghijklmnopqrstuuJtq0Ue3qG4mWbO1Qx7e1m0m7C3q1kG6\" }\n",
                "telephony is a token's role");
        assertRefused(base + "access:\n  tokens:\n    - { name: pbx, role: telephony, sha256: the-token }\n",
                "access.tokens.pbx.sha256: expected 64 hexadecimal digits");
        assertRefused(base + "access:\n  tokens:\n    - { name: pbx, role: operator, sha256: the-token }\n",
                "role: 'operator' is not one of agent, supervisor, admin, telephony");
        assertRefused(base + "access:\n  vxml: { allow: [\"platforms.example.com\"] }\n",
                "access.vxml.allow: 'platforms.example.com' is not an address");
        assertRefused(base + "server: { plainHttp: sometimes }\n", "server.plainHttp: 'sometimes' is not one of never, loopback, always");
    }

    private static void assertRefused(String yaml, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t.yaml", yaml));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.yaml, line "), e.getMessage());
    }
}
