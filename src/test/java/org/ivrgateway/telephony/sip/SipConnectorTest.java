package org.ivrgateway.telephony.sip;

import static org.ivrgateway.telephony.sip.SipRig.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestCenter;

/**
 * The connector against a stand-in for Kamailio's evapi socket (no Kamailio needed): it survives what is
 * not an event, answers an INVITE nobody expects with 404, records registrations (an agent whose phone is
 * not registered shows so on the console), and TServer follows the connection's heartbeat.
 */
class SipConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BothDatabases
    void badFramesAreIgnoredAndAnUnexpectedCallIsRefused(TestDatabase database) throws Exception {
        try (ServerSocket evapi = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            try (TestCenter node = TestCenter.on(database).config(config(evapi.getLocalPort())).node().start()) {
                Database db = node.db();
                Socket kamailio = evapi.accept();
                InputStream in = new BufferedInputStream(kamailio.getInputStream());
                OutputStream out = kamailio.getOutputStream();
                assertEquals("ping", JSON.readTree(Netstrings.read(in)).path("action").asText());
                out.write(Netstrings.encode("{\"event\":\"pong\"}"));
                awaitTrue("TServer 8 once Kamailio answers", () -> tServer(node) == 8);

                out.write(Netstrings.encode("not JSON at all"));
                out.write(Netstrings.encode("{\"event\":\"something-new\"}"));
                out.write(Netstrings.encode("{\"event\":\"registered\",\"device\":\"\",\"expires\":60}"));
                out.write(Netstrings.encode("{\"event\":\"invite\",\"tindex\":11,\"tlabel\":22,\"callId\":\"c1@x\","
                        + "\"dialed\":\"7000\",\"ani\":\"4165550100\",\"dnis\":\"7000\",\"ivrCallId\":\"\"}"));
                JsonNode reply = nextNonPing(in);
                assertEquals("reject", reply.path("action").asText());
                assertEquals(404, reply.path("code").asInt(), "no call is expected at the pilot");
                assertEquals(11, reply.path("tindex").asInt());
                assertEquals(22, reply.path("tlabel").asInt());

                node.center().login("790006", "5001");
                assertEquals(Registrations.NOT_REGISTERED, node.center().agent("790006").reason());
                assertTrue(wallboard(node).contains(Registrations.NOT_REGISTERED), "the console shows it");
                out.write(Netstrings.encode("{\"event\":\"registered\",\"device\":\"5001\",\"expires\":60}"));
                awaitTrue("5001 is registered", () -> registrations(db, "5001") == 1);
                assertNull(node.center().agent("790006").reason());
                assertFalse(wallboard(node).contains(Registrations.NOT_REGISTERED));
                out.write(Netstrings.encode("{\"event\":\"registered\",\"device\":\"5001\",\"expires\":0}"));
                awaitTrue("5001 unregistered", () -> registrations(db, "5001") == 0);

                kamailio.close();
                awaitTrue("TServer 3 once Kamailio is gone", () -> tServer(node) == 3);
            }
        }
    }

    private static JsonNode nextNonPing(InputStream in) throws Exception {
        while (true) {
            JsonNode m = JSON.readTree(Netstrings.read(in));
            if (!"ping".equals(m.path("action").asText())) return m;
        }
    }

    private static String wallboard(TestCenter node) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                node.uri().resolve("/console/wallboard"))
                .header("Authorization", "Bearer " + org.ivrgateway.testing.TestAccess.SUPERVISOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static int tServer(TestCenter node) {
        return node.center().systemStatus().components().get("TServer");
    }

    private static long registrations(Database db, String device) {
        return db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM device_registration WHERE device = ?"
                + " AND expires_ms > 0", device));
    }

    private static CenterConfig config(int evapiPort) throws Exception {
        try (InputStream in = SipConnectorTest.class.getClassLoader().getResourceAsStream("centers/sip-center.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("EVAPI_PORT", String.valueOf(evapiPort))
                    .replace("RPC_PORT", String.valueOf(SipRig.freeTcpPort()));
            return ConfigLoader.parse("sip-center.yaml", org.ivrgateway.testing.TestAccess.withAccess(text));
        }
    }
}
