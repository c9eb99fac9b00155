package org.ivrgateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Who may do what (docs/SECURITY.md): the roles of people ({@code users}) and of machines
 * ({@code access.tokens}). {@code telephony} is a machine's role only.
 */
public enum Role {
    AGENT, SUPERVISOR, ADMIN, TELEPHONY;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role: '" + key + "' is not one of "
                        + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "))));
    }
}
