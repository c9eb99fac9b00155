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
 * alive: REDIRECT relays the held call, DISCONNECT ends the dialog through JSON-RPC, ARRIVAL and DISPLAY
 * need nothing; TRANSFER stays pending (the voice platform transfers its own calls).
 */
public final class SipConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipConnector.class);
    private static final long POLL_MS = 200;

    private final CenterConfig config;
    private final SipConfig sip;
    private final Telephony telephony;
    private final SipLegs legs;
    private final KamailioRpc rpc;
    private final EvapiLink link;
    private final ObjectMapper json = Json.MAPPER;
    private final Thread poller;
    private final Map<String, Integer> disconnectTries = new java.util.concurrent.ConcurrentHashMap<>();
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
                case "ended", "cancel", "failed" -> ended(text(ev, "callId"));
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
            relay(tIndex, tLabel, dialed, 0, false);
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
        } else {
            relay(tIndex, tLabel, dialed, 0, false);
        }
    }

    private void answered(JsonNode ev) {
        String sipCallId = text(ev, "callId");
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isEmpty()) return;
        legs.answered(sipCallId, ev.path("hEntry").asLong(), ev.path("hId").asLong());
        // At an IVR device the call was already there since its offer; answered is for the agent's phone
        // (or the overflow destination) that a held call was relayed to.
        if (leg.get().kind() == Kind.HELD) telephony.answered(leg.get().callId());
    }

    private void ended(String sipCallId) {
        Optional<Leg> leg = legs.find(sipCallId);
        if (leg.isEmpty() || !legs.ended(sipCallId)) return;
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
            case "ARRIVAL", "DISPLAY" -> telephony.acknowledge(e.id());
            default -> {
                // TRANSFER: a call at an IVR port is transferred by the voice platform itself
                // (docs/TELEPHONY.md); the event stays for another telephony side or the console.
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
            relay(held.get().tIndex(), held.get().tLabel(), e.destination(), toAgent ? sip.ringSeconds() : 0, toAgent);
        }
        telephony.acknowledge(e.id());
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
            if (leg.hEntry() != null && leg.hId() != null) {
                try {
                    KamailioRpc.Ended ended = rpc.endDialog(leg.hEntry(), leg.hId());
                    if (ended == KamailioRpc.Ended.FAILED) done = false;
                } catch (IOException ex) {
                    LOG.warn("SIP: Disconnect of {}: Kamailio JSON-RPC failed: {}", callId, ex.toString());
                    done = false;
                }
            } else if (leg.state() == State.HELD && legs.claim(leg.sipCallId(), State.HELD, State.ENDED)) {
                send(message("reject", leg.tIndex(), leg.tLabel(), Map.of("code", 480, "reason", "Disconnected")));
                telephony.cleared(callId);
            }
        }
        if (done) disconnectTries.remove(callId);
        return done || gaveUp(callId);
    }

    /** A Disconnect not done yet is tried again on the next polls for about ten seconds, then given up. */
    private boolean gaveUp(String callId) {
        if (disconnectTries.merge(callId, 1, Integer::sum) < 50) return false;
        LOG.warn("SIP: Disconnect of {}: Kamailio could not end its dialog; given up", callId);
        disconnectTries.remove(callId);
        return true;
    }

    // Messages to Kamailio

    private void relay(long tIndex, long tLabel, String target, int ringSeconds, boolean watch) {
        send(message("relay", tIndex, tLabel, Map.of("target", target, "ring", ringSeconds, "watch", watch ? 1 : 0)));
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
