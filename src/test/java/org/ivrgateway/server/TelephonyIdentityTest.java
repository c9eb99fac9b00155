package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.server.Rest.Answer;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** The REST telephony side names calls by the switch's identity; the switch operations also come as a stream. */
class TelephonyIdentityTest {

    @BothDatabases
    void anOfferWithALiveCallsSwitchCallIdIsThatCallAndAnyOtherOfferANewOne(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            String first = offer(node, "36200", "anonymous", "\"switchCallId\":\"c1@pbx\"");
            String again = offer(node, "36201", "anonymous", "\"switchCallId\":\"c1@pbx\"");
            assertEquals(first, again, "the same switch call, offered at another IVR port");
            String other = offer(node, "36202", "anonymous", "\"switchCallId\":\"c2@pbx\"");
            String unnamed = offer(node, "36203", "anonymous", null);
            assertNotEquals(first, other);
            assertNotEquals(first, unnamed);
            assertNotEquals(other, unnamed);
        }
    }

    @BothDatabases
    void anArrivalThatCannotBeToldApartIs409AndOneThatNamesItsCallIsTaken(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Script a = Script.monitored(node, "36200", "4165550100", "69030", "sip-a");
            Script b = Script.monitored(node, "36201", "4165550100", "69030", "sip-b");
            node.center().enqueue(a.session, a.callId, 0, "Sales", 1, null, null);
            node.center().enqueue(b.session, b.callId, 0, "Sales", 1, null, null);
            Answer ambiguous = node.rest().post("/api/telephony/arrived", "{\"dialed\":\"7000\"}");
            assertEquals(409, ambiguous.status(), ambiguous.text());
            assertEquals(String.valueOf(ReturnCode.OPERATION_FAILED.code()), ambiguous.field("code"));
            assertTrue(ambiguous.field("error").contains("ambiguous"), ambiguous.text());

            Answer bySwitch = node.rest().post("/api/telephony/arrived", "{\"dialed\":\"7000\",\"switchCallId\":\"sip-b\"}");
            assertEquals(b.callId, bySwitch.field("callId"), bySwitch.text());
            Answer byCallId = node.rest().post("/api/telephony/arrived",
                    "{\"dialed\":\"7000\",\"callId\":\"" + a.callId + "\"}");
            assertEquals(a.callId, byCallId.field("callId"), byCallId.text());
            Answer unknown = node.rest().post("/api/telephony/arrived", "{\"dialed\":\"7000\",\"switchCallId\":\"nope\"}");
            assertEquals(404, unknown.status(), unknown.text());
        }
    }

    @BothDatabases
    void theSwitchOperationsComeAsServerSentEventsResumableAfterTheLastOne(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Script call = Script.monitored(node, "36200", "4165550100", "69030", "sip-t");
            assertEquals(0, node.center().transfer(call.session, call.callId, "5999").returnCode());
            Answer stream = node.rest().get("/api/telephony/events/stream?once=1");
            assertEquals(200, stream.status());
            assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            long id = node.center().pendingEvents().getFirst().id();
            assertTrue(stream.text().contains("id: " + id + "\nevent: switch\ndata: {"), stream.text());
            assertTrue(stream.text().contains("\"type\":\"TRANSFER\""), stream.text());
            assertTrue(stream.text().contains("\"destination\":\"5999\""), stream.text());

            Script next = Script.monitored(node, "36201", "4165550101", "69030", "sip-d");
            assertEquals(0, node.center().disconnect(next.session, next.callId).returnCode());
            Answer resumed = node.rest().get("/api/telephony/events/stream?once=1&after=" + id);
            assertTrue(resumed.text().contains("\"type\":\"DISCONNECT\""), resumed.text());
            assertTrue(!resumed.text().contains("\"type\":\"TRANSFER\""), resumed.text());
        }
    }

    private static String offer(TestNode node, String device, String ani, String extra) {
        String body = "{\"device\":\"" + device + "\",\"ani\":\"" + ani + "\",\"dnis\":\"69030\""
                + (extra == null ? "" : "," + extra) + "}";
        Answer offer = node.rest().post("/api/telephony/offer", body);
        assertEquals(201, offer.status(), offer.text());
        return offer.field("callId");
    }
}
