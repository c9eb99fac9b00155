package org.ivrgateway.core;

import java.util.HashSet;
import java.util.Set;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.config.CenterConfig;
import org.ivrgateway.core.config.QueueConfig;

/**
 * Which ToDevice a Transfer accepts. A canonical number ("+1 (555) 555-0199--12", the guide's format) is
 * converted to its dialable digits, or -917 when it does not follow the format. Otherwise the destination
 * must be dialable (digits, '*', '#'; else -913); a short number (at most {@value #INTERNAL_DIGITS}
 * digits) is internal and must be a device the contact center knows (agent and IVR devices, queue pilots,
 * overflow destinations, transit numbers; else -909); longer numbers are external and accepted.
 */
final class Destinations {
    static final int INTERNAL_DIGITS = 6;

    private final Set<String> known = new HashSet<>();

    Destinations(CenterConfig config) {
        known.addAll(config.agentDevices());
        known.addAll(config.ivrDevices());
        known.addAll(config.transitNumbers().numbers());
        for (QueueConfig q : config.queues()) {
            if (q.pilot() != null) known.add(q.pilot());
            if (q.overflow() != null) known.add(q.overflow().destination());
        }
    }

    /** The destination to dial, or an IvrException with -917, -913 or -909. */
    String check(String toDevice) {
        String to = toDevice.strip();
        if (to.startsWith("+")) {
            if (!to.matches("\\+\\d{1,3} (\\(\\d{1,5}\\) )?\\d[\\d-]*\\d(--\\d+)?")) {
                throw new IvrException(ReturnCode.TAPI_CONVERSION_ERROR, "'" + to + "' is not a canonical number");
            }
            String main = to.contains("--") ? to.substring(0, to.indexOf("--")) : to;
            return "+" + main.replaceAll("\\D", "");
        }
        if (!to.matches("[0-9*#]+")) {
            throw new IvrException(ReturnCode.INVALID_TO_DEVICE, "'" + to + "' is not a dialable destination");
        }
        if (to.length() <= INTERNAL_DIGITS && !known.contains(to)) {
            throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "no device " + to + " in the contact center");
        }
        return to;
    }
}
