package org.ivrgateway.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code dialPlan:} — {@code internal}, a regular expression matched against the whole dialable number
 * (absent: as many digits as the configured devices have); a number it matches must be a configured device,
 * pilot, transit number, overflow or routing destination, or one of {@code destinations} (voicemail, the
 * operator…), else Transfer answers -909. Numbers outside it are passed to the switch (docs/CONFORMANCE.md,
 * Transfer).
 */
public record DialPlanConfig(String internal, List<String> destinations) {
    public static final DialPlanConfig DEFAULT = new DialPlanConfig(null, null);

    public DialPlanConfig {
        if (internal != null) {
            try {
                Pattern.compile(internal);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("dialPlan.internal: '" + internal + "' is not a regular expression ("
                        + e.getDescription() + ")");
            }
        }
        destinations = Checks.names("dialPlan.destinations", destinations, CatalogLimits.DESTINATION);
        for (String d : destinations) {
            try {
                PhoneNumber.parse(d);
            } catch (PhoneNumber.Invalid e) {
                throw new IllegalArgumentException("dialPlan.destinations: " + e.getMessage());
            }
        }
    }
}
