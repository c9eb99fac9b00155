package org.ivrgateway.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashes, made and checked by Spring Security's encoders (Argon2id through Bouncy Castle, and
 * bcrypt); docs/SECURITY.md says why these. Nothing here computes a hash itself.
 */
public final class Passwords {
    /** Argon2id with the parameters Spring Security recommends (16 MiB, 2 passes, 1 lane, 16-byte salt). */
    private static final Argon2PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    /** Checked when the user name is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String DUMMY = ARGON2.encode("no such user");

    private Passwords() {
    }

    /** A new Argon2id hash of {@code password} in the PHC string format ({@code $argon2id$v=19$m=...}). */
    public static String hash(CharSequence password) {
        return ARGON2.encode(password);
    }

    /** Whether {@code password} matches {@code hash} (Argon2id PHC string or bcrypt); null hash: false, as slowly. */
    public static boolean matches(CharSequence password, String hash) {
        if (hash == null) {
            ARGON2.matches(password, DUMMY);
            return false;
        }
        if (hash.startsWith("$argon2")) return ARGON2.matches(password, hash);
        if (hash.startsWith("$2")) return BCRYPT.matches(password, hash);
        return false;
    }
}
