package org.ivrgateway.api;

/**
 * Case-insensitive matching of names (functions, parameters, queues, business units) that folds ASCII
 * letters only, as docs/VXML.md says: {@code callid} is {@code CallID}, but {@code Callİd} (U+0130), a
 * Kelvin sign (U+212A) for {@code K} or {@code ſ} (U+017F) for {@code s} are other names. Java's
 * {@link String#equalsIgnoreCase} and {@code toLowerCase} follow Unicode case rules, which would fold
 * them; no library of the build offers an ASCII-only comparison outside Jetty, which {@code api} must not
 * depend on, so the dozen lines are here.
 */
public final class AsciiNames {
    private AsciiNames() {
    }

    /** Whether the two names are equal when ASCII letters are compared without case; null equals nothing. */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) return false;
        }
        return true;
    }

    /** The name with ASCII capitals made small and every other character unchanged. */
    public static String lower(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) out.append(lower(name.charAt(i)));
        return out.toString();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
