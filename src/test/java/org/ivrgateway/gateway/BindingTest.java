package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.Map;
import org.ivrgateway.gateway.SubdialogClient.Style;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a request's names and body become an invocation (docs/VXML.md, "Parameters"), against the real core. */
class BindingTest {
    private static TestDatabase db;
    private static LiveCenter live;
    private static IvrScript script;

    @BeforeAll
    static void start() {
        db = TestDatabases.h2();
        live = LiveCenter.start(db);
        script = new IvrScript(live.browser(true), Style.GET, false).startUnmonitoredCall(1, "4165550100", "69030");
    }

    @AfterAll
    static void stop() {
        live.close();
        db.close();
    }

    @Test
    void functionAndParameterNamesIgnoreCase() {
        Map<String, Object> r = script.browser.call("querycallstatus", Map.of("callid", script.callId, "TIMEOUT", 0), Style.GET);
        assertEquals(0, r.get("ReturnCode"), r::toString);
    }

    @Test
    void byReferenceOnlyParametersInANamelistAreIgnored() {
        Map<String, Object> r = script.browser.call("QueryCallStatus",
                Map.of("CallID", script.callId, "Timeout", 0, "Extension", "", "PositionInQueue", "7"), Style.POST);
        assertEquals(Map.of("ReturnCode", 0, "Extension", "", "PositionInQueue", 0), r);
    }

    @Test
    void anEmptyRequiredValueCountsAsAbsentAndGives306() {
        Map<String, Object> r = script.browser.call("QueryCallStatus", Map.of("CallID", script.callId, "Timeout", ""), Style.GET);
        assertEquals(-306, r.get("ReturnCode"));
    }

    @Test
    void aMultipartBodyIsReadLikeAForm() {
        String body = part("CallID", script.callId) + part("Key", "k") + part("Value", "h\u00e9 \u2028 \"x\"") + "--XX--\r\n";
        var reply = SubdialogClient.document(script.browser.send(HttpRequest.newBuilder(
                        live.server.base().resolve("vxml/SetContactData"))
                .header("Content-Type", "multipart/form-data; boundary=XX")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
        assertEquals(0, reply.document().evaluate("return", Map.of()).get("ReturnCode"));
        assertEquals("h\u00e9 \u2028 \"x\"", script.browser.call("GetContactData",
                Map.of("CallID", script.callId, "Key", "k"), Style.GET).get("Value"));
    }

    private static String part(String name, String value) {
        return "--XX\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
