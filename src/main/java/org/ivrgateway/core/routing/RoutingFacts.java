package org.ivrgateway.core.routing;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a routing decision may look at: the call's ANI and DNIS (after the caller's ANIDNIS and the
 * contact data are merged by the core), its contact data, and the live figures of a queue by name
 * (empty for a queue the core does not know).
 */
public record RoutingFacts(String ani, String dnis, Map<String, String> contactData,
                           Function<String, Optional<QueueFigures>> figures) {
    public RoutingFacts {
        contactData = contactData == null ? Map.of() : contactData;
        figures = figures == null ? queue -> Optional.empty() : figures;
    }
}
