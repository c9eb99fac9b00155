package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.ivrgateway.api.Result;

/** An IVR script's view of one call in the flow tests: its API session, its CallID and what QueryCallInfo said. */
final class Script {
    static final int RPC_TIMEOUT_MS = 10_000;
    /** The caller's offset from UTC in minutes: Toronto in winter, as on {@link TestNode#START}. */
    static final int TORONTO = -300;
    private static final DateTimeFormatter SCHEDULE = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");

    final String session;
    final String callId;
    final Result info;

    private Script(String session, Result info) {
        this.session = session;
        this.callId = info.string("CallID");
        this.info = info;
    }

    /** A call offered over REST at a monitored IVR device, then queried by a script on that port. */
    static Script monitored(TestNode node, String device, String ani, String dnis) {
        return monitored(node, device, ani, dnis, null);
    }

    /** The same, the offer carrying the switch's identity of the call ({@code switchCallId}), when not null. */
    static Script monitored(TestNode node, String device, String ani, String dnis, String switchCallId) {
        String identity = switchCallId == null ? "" : ",\"switchCallId\":\"" + switchCallId + "\"";
        Rest.Answer offer = node.rest().post("/api/telephony/offer",
                "{\"device\":\"" + device + "\",\"ani\":\"" + ani + "\",\"dnis\":\"" + dnis + "\"" + identity + "}");
        assertEquals(201, offer.status(), offer.text());
        String session = initialize(node, device);
        Result info = node.center().queryCallInfo(session, device, null);
        assertEquals(0, info.returnCode(), info.detail());
        return new Script(session, info);
    }

    /** The guide's unmonitored start: Initialize, SetCallInfo, QueryCallInfo with TrunkConnectedIVRCall "1". */
    static Script unmonitored(TestNode node, String ani, String dnis) {
        String session = initialize(node, "1");
        assertEquals(0, node.center().setCallInfo(session, ani, dnis).returnCode());
        Result info = node.center().queryCallInfo(session, "1", "1");
        assertEquals(0, info.returnCode(), info.detail());
        assertEquals(ani, info.string("originalANI"));
        return new Script(session, info);
    }

    static String initialize(TestNode node, String port) {
        String localPort = String.valueOf(Integer.parseInt(port) % 30000 + 1);
        Result r = node.center().initialize("ivr-" + port, localPort, "6000@localhost", RPC_TIMEOUT_MS);
        assertEquals(0, r.returnCode(), r.detail());
        return r.string("SessionID");
    }

    Result status(TestNode node) {
        return node.center().queryCallStatus(session, callId, 0);
    }

    /** A callback schedule for {@code number} from {@code fromHours} to {@code toHours} hours from now, local time. */
    static String scheduleFromNow(TestNode node, String number, int fromHours, int toHours) {
        ZoneOffset local = ZoneOffset.ofTotalSeconds(TORONTO * 60);
        LocalDateTime start = LocalDateTime.ofInstant(node.clock.instant().plus(Duration.ofHours(fromHours)), local);
        LocalDateTime end = LocalDateTime.ofInstant(node.clock.instant().plus(Duration.ofHours(toHours)), local);
        return number + ";" + SCHEDULE.format(start) + ";" + SCHEDULE.format(end);
    }
}
