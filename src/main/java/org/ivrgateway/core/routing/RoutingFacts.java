package org.ivrgateway.core.routing;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a routing decision may look at: the call's ANI and DNIS (after the caller's ANIDNIS and the
 * contact data are merged by the core), its contact data, the live figures of a queue by name
 * (empty for a queue the core does not know), and the call's business unit (null when it has none).
 */
public record RoutingFacts(String ani, String dnis, Map<String, String> contactData,
                           Function<String, Optional<RoutingFigures>> figures, String businessUnit) {
    public RoutingFacts {
        contactData = contactData == null ? Map.of() : contactData;
        figures = figures == null ? queue -> Optional.empty() : figures;
    }

    /** Facts of a call without a business unit. */
    public RoutingFacts(String ani, String dnis, Map<String, String> contactData,
                        Function<String, Optional<RoutingFigures>> figures) {
        this(ani, dnis, contactData, figures, null);
    }
}
