package org.ivrgateway.config;

import java.util.HashSet;
import java.util.List;

/** Shared checks of the config records; every message starts with the key at fault. */
final class Checks {
    private Checks() {
    }

    static String name(String key, String value, int maxLength) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(key + ": required");
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(key + ": '" + value + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static List<String> names(String key, List<String> values, int maxLength) {
        if (values == null) return List.of();
        HashSet<String> seen = new HashSet<>();
        for (String v : values) {
            name(key, v, maxLength);
            if (!seen.add(v)) throw new IllegalArgumentException(key + ": duplicate " + v);
        }
        return List.copyOf(values);
    }

    static int atLeast(String key, Integer value, int min, int fallback) {
        int v = value == null ? fallback : value;
        if (v < min) throw new IllegalArgumentException(key + ": must be at least " + min + ", was " + v);
        return v;
    }
}
