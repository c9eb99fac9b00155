package org.ivrgateway.config;

import java.util.List;

/** {@code transitNumbers:} — the pool handed to unmonitored calls, and how long a number stays held. */
public record TransitConfig(List<String> numbers, Integer expirySeconds) {
    public static final TransitConfig NONE = new TransitConfig(null, null);

    public TransitConfig {
        numbers = Checks.names("transitNumbers.numbers", numbers, CatalogLimits.TRANSIT_NUMBER);
        expirySeconds = Checks.atLeast("transitNumbers.expirySeconds", expirySeconds, 1, 30);
    }
}
