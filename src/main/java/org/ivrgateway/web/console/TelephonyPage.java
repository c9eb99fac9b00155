package org.ivrgateway.web.console;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.ConfigurationView;
import org.ivrgateway.api.Telephony;

/**
 * The switch side, played in a browser: offer a call at an IVR device, report a call arriving at a number,
 * mark calls answered or cleared, and carry out the operations waiting for the switch.
 */
final class TelephonyPage implements Page {
    private final SnapshotHub hub;
    private final Telephony telephony;
    private final ConfigurationView config;

    TelephonyPage(SnapshotHub hub, Telephony telephony, ConfigurationView config) {
        this.hub = hub;
        this.telephony = telephony;
        this.config = config;
    }

    @Override
    public void get(Exchange x) throws IOException {
        x.render(200, "telephony", hub.fresh(), Map.of("ivrDevices", config.ivrDevices(), "numbers", config.arrivalNumbers()));
    }

    @Override
    public void post(Exchange x) throws IOException {
        String action = x.required("action", "The action");
        Flash done = switch (action) {
            case "offer" -> {
                String device = x.required("device", "The IVR device");
                String callId = telephony.offer(device, x.param("ani"), x.param("dnis"));
                yield Flash.notice("Call " + callId + " offered at IVR device " + device + ".");
            }
            case "arrived" -> {
                String dialed = x.required("dialed", "The dialed number");
                String callId = telephony.arrived(dialed);
                yield callId == null ? Flash.error("No call was waiting to arrive at " + dialed + ".")
                        : Flash.notice("Call " + callId + " arrived at " + dialed + ".");
            }
            case "answered" -> {
                String callId = x.required("call", "The CallID");
                telephony.answered(callId);
                yield Flash.notice("Call " + callId + " answered.");
            }
            case "cleared" -> {
                String callId = x.required("call", "The CallID");
                telephony.cleared(callId);
                yield Flash.notice("Call " + callId + " cleared.");
            }
            case "callback-outcome" -> {
                long event = eventId(x);
                // Found among the events the console shows: looking is not the telephony side speaking.
                String callbackId = hub.fresh().events().stream().filter(e -> e.id() == event).findFirst()
                        .map(e -> callbackOf(e.detail()))
                        .orElseThrow(() -> new IllegalArgumentException("No callback is being placed by operation " + event + "."));
                String outcome = x.required("outcome", "The outcome");
                telephony.callbackOutcome(callbackId, outcome);
                telephony.acknowledge(event);
                yield Flash.notice("Callback " + callbackId + ": " + outcome + ".");
            }
            case "acknowledge" -> {
                telephony.acknowledge(eventId(x));
                yield Flash.notice("Event " + x.param("event") + " carried out.");
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'.");
        };
        x.redirect("/telephony", done);
    }

    /** The CallbackID of a DIAL operation's detail ({@code callback=<id>;from=<device>}). */
    static String callbackOf(String detail) {
        for (String part : detail == null ? new String[0] : detail.split(";")) {
            if (part.startsWith("callback=")) return part.substring("callback=".length());
        }
        throw new IllegalArgumentException("This operation places no callback.");
    }

    private static long eventId(Exchange x) {
        String id = x.required("event", "The event");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The event '" + id + "' is not a number.");
        }
    }
}
