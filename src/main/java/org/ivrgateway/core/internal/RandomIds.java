package org.ivrgateway.core.internal;

import java.security.SecureRandom;

/**
 * Identifiers that cannot be guessed (docs/SECURITY.md): every character drawn from {@link SecureRandom},
 * so that knowing one CallID or CallbackID tells nothing about another.
 */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private RandomIds() {
    }

    /** {@code length} random decimal digits, the first not 0 (so that the number keeps its length). */
    public static String digits(int length) {
        StringBuilder b = new StringBuilder(length);
        b.append((char) ('1' + RANDOM.nextInt(9)));
        for (int i = 1; i < length; i++) b.append((char) ('0' + RANDOM.nextInt(10)));
        return b.toString();
    }

    /** {@code length} random upper-case letters and digits. */
    public static String alphanumeric(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        return b.toString();
    }
}
