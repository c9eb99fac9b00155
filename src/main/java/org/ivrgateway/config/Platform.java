package org.ivrgateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The communication platform the contact center runs on. SetDisplay works on OPENSCAPE_4000 only. */
public enum Platform {
    OPENSCAPE_VOICE("openscape-voice"),
    OPENSCAPE_4000("openscape-4000"),
    OPENSCAPE_BUSINESS("openscape-business");

    private final String key;

    Platform(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static Platform of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("platform: '" + key + "' is not one of "
                        + Arrays.stream(values()).map(Platform::key).collect(Collectors.joining(", "))));
    }
}
