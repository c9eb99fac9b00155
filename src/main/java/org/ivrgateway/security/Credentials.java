package org.ivrgateway.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.config.AccessConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.TokenConfig;
import org.ivrgateway.config.UserConfig;

/**
 * The people ({@code users}) and machines ({@code access.tokens}, {@code access.vxml.basic}) of the
 * configuration, and the checks of what they present. The configuration holds only slow hashes of
 * passwords and SHA-256 digests of tokens; a presented secret is hashed and compared, never stored.
 */
public final class Credentials {
    private final Map<String, UserConfig> users = new HashMap<>();
    private final Map<String, TokenConfig> tokens = new HashMap<>();
    private final Map<String, String> platforms = new HashMap<>();

    public Credentials(CenterConfig config) {
        config.users().forEach(u -> users.put(u.name(), u));
        AccessConfig access = config.access();
        access.tokens().forEach(t -> tokens.put(t.sha256(), t));
        access.vxml().basic().forEach(b -> platforms.put(b.name(), b.sha256()));
    }

    /** Nobody can sign in and no token is configured: the console and REST admit nobody. */
    public boolean admitsNobody() {
        return users.isEmpty() && tokens.isEmpty();
    }

    /** The machine whose token this is. */
    public Optional<Principal> bearer(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        TokenConfig t = tokens.get(Digests.sha256(token.strip()));
        return t == null ? Optional.empty() : Optional.of(new Principal(t.name(), t.role(), t.agentId(), Principal.Via.TOKEN));
    }

    /** The configured person of that name, as a signed-in principal (for a sign-in found by its cookie). */
    public Optional<Principal> user(String name) {
        UserConfig u = users.get(name);
        return u == null ? Optional.empty() : Optional.of(new Principal(u.name(), u.role(), u.agentId(), Principal.Via.SIGN_IN));
    }

    /** The person, when the password matches its hash; as slow for an unknown name as for a wrong password. */
    public Optional<Principal> signIn(String name, String password) {
        UserConfig u = name == null ? null : users.get(name);
        boolean ok = Passwords.matches(password == null ? "" : password, u == null ? null : u.passwordHash());
        return ok ? user(name) : Optional.empty();
    }

    /** Basic credentials are configured for VoiceXML platforms, so every VoiceXML request must carry them. */
    public boolean platformsNeedBasic() {
        return !platforms.isEmpty();
    }

    /** Whether the platform's basic credentials match a configured name and password digest. */
    public boolean platform(String name, String password) {
        String want = platforms.get(name);
        return want != null && Digests.same(want, Digests.sha256(password));
    }
}
