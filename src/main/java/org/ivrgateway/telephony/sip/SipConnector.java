package org.ivrgateway.telephony.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.TelephonyConfig.SipConfig;
import org.ivrgateway.json.Json;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.StoreException;
import org.ivrgateway.telephony.sip.SipLegs.Kind;
import org.ivrgateway.telephony.sip.SipLegs.Leg;
import org.ivrgateway.telephony.sip.SipLegs.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kamailio as the switch (docs/TELEPHONY.md). Kamailio suspends every new INVITE and sends it here as an
 * {@code invite} event; the connector answers at once:
 * <ul>
 * <li>to a monitored IVR device: reported as an offer, then relayed to the phone registered there;</li>
 * <li>to a transit number or a queue's pilot: reported as arrived and held (180 Ringing at a transit
 *     number, 182 Queued at a pilot) until the core publishes where it goes (a REDIRECT to the agent's
 *     device or the overflow destination); an unknown call there is refused with 404;</li>
 * <li>to any other number (an agent's phone, an unmonitored IVR port): relayed as a plain proxy would.</li>
 * </ul>
 * Kamailio then reports {@code answered} (200 OK: the dialog started), {@code acked} (the dialog is
 * confirmed), {@code ended} (BYE),
 * {@code cancel}/{@code failed} (the caller gave up, or the call failed), {@code noanswer} (an agent's
 * phone did not answer within the ring time: the core's ring-no-answer, docs/ARCHITECTURE.md) and
 * {@code registered}. The switch operations of the core are taken from its event list while Kamailio is
 * alive: REDIRECT relays the held call, DISCONNECT ends the dialog through JSON-RPC (a BYE to each side),
 * DIAL places a callback's call (Kamailio rings the agent's phone, then has it call the customer: the
 * attempt's outcome is reported to the core), TRANSFER refers the caller's phone to the destination (a blind
 * transfer; the old call ends when the new one arrives), ARRIVAL and DISPLAY need nothing.
 */
public final class SipConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipConnector.class);
    private static final long POLL_MS = 200;
    /** The user part of the From of a callback's first call (CALLBACK_URI in kamailio.cfg). */
    static final String CALLBACK_USER = "callback";

    private final CenterConfig config;
    private final SipConfig sip;
    private final Telephony telephony;
    private final SipLegs legs;
    private final KamailioRpc rpc;
    private final EvapiLink link;
    private final ObjectMapper json = Json.MAPPER;
    private final Thread poller;
    private final Map<String, Integer> tries = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private SipConnector(CenterConfig config, Telephony telephony, Database db, Clock clock) {
        this.config = config;
        this.sip = config.telephony().sip();
        this.telephony = telephony;
        this.legs = new SipLegs(db, clock);
        this.rpc = new KamailioRpc(sip.rpc(), json);
        this.link = new EvapiLink(sip.evapiHost(), sip.evapiPort(), config.telephony().heartbeatSeconds(), clock,
                this::onFrame);
        this.poller = Thread.ofVirtual().name("sip-switch-events").unstarted(this::pollLoop);
    }

    /** Connects to Kamailio (and keeps reconnecting) as telephony.sip of {@code config} says. */
    public static SipConnector start(CenterConfig config, Telephony telephony, Database db, Clock clock) {
        SipConnector c = new SipConnector(config, telephony, db, clock);
        c.link.start();
        c.poller.start();
        LOG.info("SIP telephony: Kamailio evapi at {}, JSON-RPC at {}", c.sip.evapi(), c.sip.rpc());
        return c;
    }

    /** True while Kamailio is connected and answers its heartbeat. */
    public boolean alive() {
        return link.alive();
    }

    // Events from Kamailio

    private void onFrame(String frame) {
        JsonNode ev;
        try {
            ev = json.readTree(frame);
        } catch (IOException e) {
            LOG.warn("evapi: not JSON, ignored: {}", abbreviate(frame));
            return;
        }
        String event = ev.path("event").asText("");
        try {
            switch (event) {
                case "pong" -> {
                    link.ponged();
                    telephony.heartbeat();
                }
                case "invite" -> invite(ev);
                case "held" -> legs.held(text(ev, "callId"), ev.path("tindex").asLong(), ev.path("tlabel").asLong());
                case "answered" -> answered(ev);
                case "acked" -> legs.confirmed(text(ev, "callId"));
                case "ended", "failed" -> ended(text(ev, "callId"));
                case "cancel" -> cancelled(text(ev, "callId"));
                case "dialfailed" -> dialFailed(text(ev, "callId"), ev.path("code").asInt());
                case "noanswer" -> noAnswer(ev);
                case "registered" -> telephony.registered(text(ev, "device"), Math.max(0, ev.path("expires").asLong()));
                case "unreachable" -> LOG.info("SIP: {} is not registered; call {} not relayed", text(ev, "target"),
                        text(ev, "callId"));
                default -> LOG.debug("evapi: event {} ignored", event);
            }
        } catch (IvrException | StoreException e) {
            LOG.info("SIP: {} of {} refused by the core: {}", event, ev.path("callId").asText(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("SIP: handling {} failed", abbreviate(frame), e);
            if ("invite".equals(event)) reject(ev, 500, "Server Internal Error");
        }
    }

    private void invite(JsonNode ev) {
        String sipCallId = text(ev, "callId");
        String dialed = text(ev, "dialed");
        long tIndex = ev.path("tindex").asLong();
        long tLabel = ev.path("tlabel").asLong();
        if (config.ivrDevices().contains(dialed)) {
            String callId;
            try {
                callId = telephony.offer(dialed, text(ev, "ani"), text(ev, "dnis"), sipCallId);
            } catch (IvrException | StoreException e) {
                reject(ev, 480, "Temporarily Unavailable");
                return;
            }
            legs.insert(sipCallId, callId, Kind.IVR, State.RELAYED, tIndex, tLabel);
            relay(tIndex, tLabel, dialed, 0, Watch.NONE);
        } else if (isPilot(dialed) || config.transitNumbers().numbers().contains(dialed)) {
            // The new INVITE has its own Call-ID; the script may name its call with an X-IVR-CallID header,
            // else the core takes the one call expected there (and refuses to guess between several).
            String named = text(ev, "ivrCallId");
            String callId;
            try {
                callId = telephony.arrived(dialed, null, named.isEmpty() ? null : named);
            } catch (IvrException | StoreException e) {
                LOG.info("SIP: call {} at {} refused: {}", sipCallId, dialed, e.getMessage());
                callId = null;
            }
            if (callId == null) {
                reject(ev, 404, "No Call Expected Here");
                return;
            }
            legs.insert(sipCallId, callId, Kind.HELD, State.HOLDING, tIndex, tLabel);
            boolean pilot = isPilot(dialed);
            send(message("hold", tIndex, tLabel, Map.of("code", pilot ? 182 : 180,
                    "reason", pilot ? "Queued" : "Ringing")));
            endReferred(callId);
        } else if (!callbackLeg(sipCallId, text(ev, "ani"), dialed, tIndex, tLabel)
                && !transferredLeg(sipCallId, text(ev, "ivrCallId"), dialed, tIndex, tLabel)) {
            relay(tIndex, tLabel, dialed, 0, Watch.NONE);
        }
    }

    /**
     * The caller's phone following a TRANSFER's REFER to a number other than a pilot or transit number (an
     * agent's device): relayed there; its answer and end are the call's.
     */
    private boolean transferredLeg(String sipCallId, String callId, String dialed, long tIndex, long tLabel) {
        if (callId.isEmpty() || legs.ofCall(callId).stream().noneMatch(l -> l.state() == State.REFERRED)) return false;
        legs.insert(sipCallId, callId, Kind.HELD, State.RELAYED, tIndex, tLabel);
        relay(tIndex, tLabel, dialed, 0, Watch.NONE);
        endReferred(callId);
        return true;
    }

    /** The caller's phone placed the call a REFER asked for: the old call (caller and IVR port) ends. */
    private void endReferred(String callId) {
        for (Leg leg : legs.ofCall(callId)) {
            if (leg.state() != State.REFERRED) continue;
            try {
                if (!rpc.disconnect(leg.sipCallId())) LOG.warn("SIP: the transferred call {} could not be ended", callId);
            } catch (IOException e) {
                LOG.warn("SIP: ending the transferred call {}: Kamailio JSON-RPC failed: {}", callId, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A call that a DIAL sent to Kamailio leads to: its first call, ringing the agent's phone (from
     * {@link #CALLBACK_USER}), or the agent's phone calling the callback's number. Relayed with the ring
     * time, and watched: Kamailio reports how it failed ({@code dialfailed}). False for any other call.
     */
    private boolean callbackLeg(String sipCallId, String ani, String dialed, long tIndex, long tLabel) {
        boolean first = CALLBACK_USER.equals(ani);
        Optional<Dial> dial = first ? dialing(dialed, null) : dialing(ani, dialed);
        if (dial.isEmpty()) return false;
        legs.insert(sipCallId, dial.get().event().callId(), first ? Kind.BRIDGE : Kind.CALLBACK, State.RELAYED,
                tIndex, tLabel);
        relay(tIndex, tLabel, dialed, sip.ringSeconds(), Watch.DIAL);
        return true;
    }

    private void answered(JsonNode ev) {
        String sipCallId = text(ev, "callId");
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isEmpty()) return;
        legs.answered(sipCallId, ev.path("hEntry").asLong(), ev.path("hId").asLong());
        // At an IVR device the call was already there since its offer; answered is for the agent's phone
        // (or the overflow destination) that a held call was relayed to.
        if (leg.get().kind() == Kind.HELD) telephony.answered(leg.get().callId());
        // The customer answered the agent's phone: the callback reached its contact.
        if (leg.get().kind() == Kind.CALLBACK) {
            dialed(leg.get().callId(), "answered");
            // The first call (not a dialog Kamailio follows, kamailio.cfg) is over by now.
            legs.ofCall(leg.get().callId()).stream().filter(l -> l.kind() == Kind.BRIDGE && l.state() != State.ENDED)
                    .forEach(l -> legs.ended(l.sipCallId()));
        }
    }

    private void ended(String sipCallId) {
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isEmpty()) return;
        boolean dialLeg = leg.get().kind() == Kind.BRIDGE || leg.get().kind() == Kind.CALLBACK;
        // A callback's call that was never answered ends the attempt through its dialfailed event.
        if (dialLeg && leg.get().state() == State.RELAYED) return;
        if (!legs.ended(sipCallId)) return;
        // A callback's first call ends once the agent's phone took the REFER: the call goes on.
        if (leg.get().kind() == Kind.BRIDGE) return;
        // An IVR leg that ends after the call moved on (the platform transferred it to a pilot or a transit
        // number: a newer leg) does not end the call.
        List<Leg> all = legs.ofCall(leg.get().callId());
        boolean movedOn = all.stream().anyMatch(l -> l.createdMs() >= leg.get().createdMs()
                && !l.sipCallId().equals(sipCallId) && l.state() != State.ENDED);
        if (leg.get().kind() == Kind.IVR && movedOn) return;
        try {
            telephony.cleared(leg.get().callId());
        } catch (IvrException | StoreException e) {
            LOG.debug("SIP: call {} already gone: {}", leg.get().callId(), e.getMessage());
        }
    }

    /** The caller gave up while the call rang (CANCEL). */
    private void cancelled(String sipCallId) {
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isPresent() && leg.get().kind() == Kind.CALLBACK && leg.get().state() == State.RELAYED
                && legs.ended(sipCallId)) {
            // The agent hung up before the customer answered.
            dialed(leg.get().callId(), "no-answer");
            return;
        }
        ended(sipCallId);
    }

    /** A callback's call failed with SIP status {@code code}: the attempt's outcome. */
    private void dialFailed(String sipCallId, int code) {
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isEmpty() || !legs.ended(sipCallId)) return;
        // The agent's own phone not answering its callback is no answer of the contact's: the attempt failed.
        String outcome = leg.get().kind() == Kind.BRIDGE ? "failed" : switch (code) {
            case 486, 600, 603 -> "busy";
            case 408, 480, 487 -> "no-answer";
            default -> "failed";
        };
        LOG.info("SIP: callback call {} failed (SIP {}): {}", leg.get().callId(), code, outcome);
        dialed(leg.get().callId(), outcome);
    }

    private void noAnswer(JsonNode ev) {
        String sipCallId = text(ev, "callId");
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isEmpty()) {
            reject(ev, 480, "Temporarily Unavailable");
            return;
        }
        legs.held(sipCallId, ev.path("tindex").asLong(), ev.path("tlabel").asLong());
        boolean requeued = telephony.noAnswer(leg.get().callId());
        LOG.info("SIP: call {} not answered at its agent (SIP {}){}", leg.get().callId(), ev.path("code").asInt(),
                requeued ? "; back in its queue" : "");
    }

    // Switch operations of the core

    private void pollLoop() {
        while (!closed) {
            try {
                Thread.sleep(POLL_MS);
                if (link.alive()) {
                    for (Views.SwitchEvent e : telephony.pendingEvents()) carryOut(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("SIP: switch events could not be handled now: {}", e.toString());
            }
        }
    }

    private void carryOut(Views.SwitchEvent e) throws InterruptedException {
        switch (e.type()) {
            case "REDIRECT" -> redirect(e);
            case "DISCONNECT" -> {
                if (disconnect(e.callId())) telephony.acknowledge(e.id());
            }
            case "DIAL" -> dial(e);
            case "ARRIVAL", "DISPLAY" -> telephony.acknowledge(e.id());
            case "TRANSFER" -> {
                if (transfer(e)) telephony.acknowledge(e.id());
            }
            default -> {
                // Anything else stays for another telephony side or the console.
            }
        }
    }

    private void redirect(Views.SwitchEvent e) {
        List<Leg> all = legs.ofCall(e.callId());
        if (all.stream().anyMatch(l -> l.state() == State.HOLDING)) return; // Kamailio has not held it yet
        if (e.destination() == null || isPilot(e.destination())) {
            // Back to its queue (the core's ring-no-answer timer): Kamailio's own ring time brings a leg
            // still ringing at the agent back to the held state; the event is done once it is held.
            boolean ringing = all.stream().anyMatch(l -> l.kind() == Kind.HELD && l.state() == State.RELAYED);
            if (!ringing) telephony.acknowledge(e.id());
            return;
        }
        Optional<Leg> held = all.stream().filter(l -> l.kind() == Kind.HELD && l.state() == State.HELD).findFirst();
        if (held.isPresent() && legs.claim(held.get().sipCallId(), State.HELD, State.RELAYED)) {
            boolean toAgent = !"overflow".equals(e.detail());
            relay(held.get().tIndex(), held.get().tLabel(), e.destination(), toAgent ? sip.ringSeconds() : 0,
                    toAgent ? Watch.AGENT : Watch.NONE);
        }
        telephony.acknowledge(e.id());
    }

    /**
     * A blind transfer of the call's caller (docs/TELEPHONY.md): Kamailio sends the caller's phone a REFER to
     * the destination. False while the IVR leg is not confirmed yet (tried again on the next poll), and for a
     * call with no SIP leg at an IVR port (left for another telephony side).
     */
    private boolean transfer(Views.SwitchEvent e) throws InterruptedException {
        Optional<Leg> ivr = legs.ofCall(e.callId()).stream()
                .filter(l -> l.kind() == Kind.IVR && l.state() != State.ENDED).reduce((older, newer) -> newer);
        if (ivr.isEmpty() || e.destination() == null) return false;
        if (ivr.get().state() != State.CONFIRMED) return gaveUp(e.callId());
        tries.remove(e.callId());
        if (!legs.claim(ivr.get().sipCallId(), State.CONFIRMED, State.REFERRED)) return true; // another node's
        try {
            if (!rpc.transfer(ivr.get().sipCallId(), e.destination(), e.callId())) {
                LOG.warn("SIP: Transfer of {} to {}: Kamailio refused it", e.callId(), e.destination());
            }
        } catch (IOException ex) {
            LOG.warn("SIP: Transfer of {}: Kamailio JSON-RPC failed: {}", e.callId(), ex.toString());
        }
        return true;
    }

    /**
     * Ends every leg of the call; false while a leg is still being set up or its dialog is not confirmed yet
     * (Kamailio ends confirmed dialogs only): tried again on the next poll.
     */
    private boolean disconnect(String callId) throws InterruptedException {
        List<Leg> all = legs.ofCall(callId);
        if (all.stream().anyMatch(l -> l.state() == State.HOLDING || l.state() == State.RELAYED
                || l.state() == State.ANSWERED)) {
            return gaveUp(callId);
        }
        boolean done = true;
        for (Leg leg : all) {
            if (leg.state() == State.ENDED) continue;
            if (leg.state() == State.CONFIRMED) {
                try {
                    if (!rpc.disconnect(leg.sipCallId())) done = false;
                } catch (IOException ex) {
                    LOG.warn("SIP: Disconnect of {}: Kamailio JSON-RPC failed: {}", callId, ex.toString());
                    done = false;
                }
            } else if (leg.state() == State.HELD && legs.claim(leg.sipCallId(), State.HELD, State.ENDED)) {
                send(message("reject", leg.tIndex(), leg.tLabel(), Map.of("code", 480, "reason", "Disconnected")));
                telephony.cleared(callId);
            }
        }
        if (done) tries.remove(callId);
        return done || gaveUp(callId);
    }

    /** A Disconnect or Transfer not done yet is tried again on the next polls for about ten seconds, then given up. */
    private boolean gaveUp(String callId) {
        if (tries.merge(callId, 1, Integer::sum) < 50) return false;
        LOG.warn("SIP: Disconnect or Transfer of {}: its dialog is not confirmed; given up", callId);
        tries.remove(callId);
        return true;
    }

    // Callbacks (docs/TELEPHONY.md, "Callbacks")

    /** A DIAL operation: the callback, and the agent's device it is placed from ({@code callback=…;from=…}). */
    private record Dial(Views.SwitchEvent event, String callbackId, String from) {
        static Optional<Dial> of(Views.SwitchEvent e) {
            if (!"DIAL".equals(e.type()) || e.detail() == null || e.destination() == null
                    || e.destination().isBlank()) return Optional.empty();
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : e.detail().split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
            String callback = parts.get("callback");
            String from = parts.get("from");
            if (callback == null || from == null || from.isBlank()) return Optional.empty();
            return Optional.of(new Dial(e, callback, from));
        }
    }

    /**
     * Sends a DIAL to Kamailio once (the marker leg {@code dial-<event id>} is the claim, so one node sends
     * it); the operation stays pending until the attempt's outcome is known.
     */
    private void dial(Views.SwitchEvent e) throws InterruptedException {
        Optional<Dial> dial = Dial.of(e);
        if (dial.isEmpty()) {
            LOG.warn("SIP: DIAL {} names no agent's device or number ({}); not placed", e.id(), e.detail());
            telephony.acknowledge(e.id());
            return;
        }
        if (!legs.insertNew(marker(e), e.callId(), Kind.BRIDGE, State.ENDED)) return;
        boolean asked;
        try {
            asked = rpc.dial(dial.get().from(), e.destination());
        } catch (IOException ex) {
            LOG.warn("SIP: callback {}: Kamailio JSON-RPC failed: {}", dial.get().callbackId(), ex.toString());
            asked = false;
        }
        if (!asked) dialed(e.callId(), "failed");
    }

    /** The DIAL sent to Kamailio for a call from {@code device} (to {@code number}, when not null). */
    private Optional<Dial> dialing(String device, String number) {
        return telephony.pendingEvents().stream().map(Dial::of).flatMap(Optional::stream)
                .filter(d -> d.from().equals(device) && (number == null || number.equals(d.event().destination())))
                .filter(d -> legs.find(marker(d.event())).isPresent())
                .findFirst();
    }

    /** The callback attempt of call {@code callId} ended with {@code outcome}; its DIAL is done. */
    private void dialed(String callId, String outcome) {
        for (Views.SwitchEvent e : telephony.pendingEvents()) {
            if (!callId.equals(e.callId())) continue;
            Optional<Dial> dial = Dial.of(e);
            if (dial.isEmpty()) continue;
            try {
                telephony.callbackOutcome(dial.get().callbackId(), outcome);
            } catch (IvrException ex) {
                LOG.info("SIP: outcome {} of callback {} refused: {}", outcome, dial.get().callbackId(), ex.getMessage());
            }
            telephony.acknowledge(e.id());
        }
    }

    private static String marker(Views.SwitchEvent e) {
        return "dial-" + e.id();
    }

    // Messages to Kamailio

    /** What Kamailio reports of a relayed call's failure: nothing, an agent's ring-no-answer, a callback's. */
    private enum Watch {
        NONE(0), AGENT(1), DIAL(2);

        final int code; // $var(watch) in route[DECIDED] of kamailio.cfg

        Watch(int code) {
            this.code = code;
        }
    }

    private void relay(long tIndex, long tLabel, String target, int ringSeconds, Watch watch) {
        send(message("relay", tIndex, tLabel, Map.of("target", target, "ring", ringSeconds, "watch", watch.code)));
    }

    private void reject(JsonNode ev, int code, String reason) {
        send(message("reject", ev.path("tindex").asLong(), ev.path("tlabel").asLong(),
                Map.of("code", code, "reason", reason)));
    }

    private String message(String action, long tIndex, long tLabel, Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("tindex", tIndex);
        m.put("tlabel", tLabel);
        m.putAll(more);
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String message) {
        if (!link.send(message)) LOG.warn("SIP: Kamailio is not connected; not sent: {}", message);
    }

    private boolean isPilot(String dialed) {
        return config.queues().stream().anyMatch(q -> dialed.equals(q.pilot()));
    }

    private static String text(JsonNode ev, String field) {
        return ev.path(field).asText("");
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        link.close();
    }
}
