package org.ivrgateway.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.PhoneNumber;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;

/**
 * Which ToDevice a Transfer accepts (docs/CONFORMANCE.md, Transfer). Every form of {@link PhoneNumber} is
 * converted to what the switch dials (a {@code +}, the digits, {@code --} and the extension); a string that
 * is no number is -913, a canonical one that does not convert -917. A number the internal dial plan matches
 * ({@code dialPlan.internal}; absent: as many digits as the configured devices have) must be one the contact
 * center knows — an agent or IVR device, a pilot, a transit number, an overflow or routing destination, or
 * one of {@code dialPlan.destinations} — else -909. Any other number is the switch's to dial.
 */
final class Destinations {
    private final Set<String> known = new HashSet<>();
    private final Pattern internal;

    Destinations(CenterConfig config) {
        known.addAll(config.agentDevices());
        known.addAll(config.ivrDevices());
        known.addAll(config.transitNumbers().numbers());
        for (QueueConfig q : config.queues()) {
            if (q.pilot() != null) known.add(q.pilot());
            if (q.overflow() != null) known.add(dialed(q.overflow().destination()));
        }
        for (RoutingRule rule : config.routing()) {
            if (rule.transfer() != null) known.add(dialed(rule.transfer()));
        }
        for (String d : config.dialPlan().destinations()) known.add(dialed(d));
        this.internal = Pattern.compile(config.dialPlan().internal() != null ? config.dialPlan().internal()
                : defaultInternal(config));
    }

    /** The destination to dial, or an IvrException with -913, -917 or -909. */
    String check(String toDevice) {
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(toDevice);
        } catch (PhoneNumber.Invalid e) {
            throw new IvrException(e.problem() == PhoneNumber.Problem.NOT_CANONICAL
                    ? ReturnCode.TAPI_CONVERSION_ERROR : ReturnCode.INVALID_TO_DEVICE, e.getMessage());
        }
        if (internal.matcher(number.number()).matches() && !known.contains(number.number())) {
            throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "no device " + number.number()
                    + " in the contact center (an internal number: add it to dialPlan.destinations)");
        }
        return number.dialable();
    }

    /** As many digits as the configured devices have: ^(?:[0-9]{4}|[0-9]{5})$ for 4- and 5-digit devices. */
    static String defaultInternal(CenterConfig config) {
        TreeSet<Integer> lengths = new TreeSet<>();
        for (List<String> devices : List.of(config.agentDevices(), config.ivrDevices())) {
            for (String d : devices) lengths.add(d.length());
        }
        if (lengths.isEmpty()) return "(?!)"; // no devices: nothing is internal
        return "^(?:" + lengths.stream().map(n -> "[0-9]{" + n + "}").collect(Collectors.joining("|")) + ")$";
    }

    private static String dialed(String destination) {
        try {
            return PhoneNumber.parse(destination).number();
        } catch (PhoneNumber.Invalid e) {
            return destination; // refused when the configuration was loaded; kept as written otherwise
        }
    }
}
