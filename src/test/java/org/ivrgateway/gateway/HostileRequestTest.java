package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests no browser should send get a -306 document (with the reason in a comment) or a 4xx with a
 * message; never a 5xx, never a hang. The table in docs/VXML.md lists the same cases.
 */
class HostileRequestTest {
    private static TestDatabase db;
    private static LiveCenter live;
    private static SubdialogClient browser;
    private static URI setDisplay;

    @BeforeAll
    static void start() {
        db = TestDatabases.h2();
        live = LiveCenter.start(db);
        setDisplay = live.server.base().resolve("vxml/SetDisplay");
    }

    /**
     * A fresh client, and so fresh connections, for each case: a server may rightly close a connection after
     * a hostile request (Jetty does after a 414), and a POST sent on a pooled connection the server has just
     * closed fails before any byte comes back. One case's answer must not depend on the case before it.
     */
    @BeforeEach
    void freshBrowser() {
        browser = live.browser(true);
    }

    @AfterEach
    void closeBrowser() {
        browser.http().close();
    }

    @AfterAll
    static void stop() {
        live.close();
        db.close();
    }

    private static void assert306(HttpResponse<String> response, String reason) {
        SubdialogClient.Reply reply = SubdialogClient.document(response);
        assertEquals(-306, reply.document().evaluate("return", Map.of()).get("ReturnCode"), response::body);
        String comment = String.join(" ", reply.document().comments());
        assertTrue(comment.contains(reason), () -> "expected the reason '" + reason + "' in " + comment);
    }

    private static void assert306(RawHttp.Answer answer, String reason) {
        assertEquals(200, answer.status(), answer::head);
        VxmlDocument doc = new VxmlDocument(answer.body());
        assertEquals(-306, doc.evaluate("return", Map.of()).get("ReturnCode"));
        assertTrue(String.join(" ", doc.comments()).contains(reason), answer::body);
    }

    private static HttpRequest.Builder form(String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(setDisplay).header("Content-Type", contentType).POST(body);
    }

    @Test
    void aRepeatedParameterWithAnotherValueGives306EvenInAnotherCase() {
        assert306(browser.send(SubdialogClient.post(setDisplay, "CallID=1&CallID=2&DisplayInfo=x")), "CallID");
        assert306(browser.send(SubdialogClient.post(setDisplay, "callid=1&CallID=2&DisplayInfo=x")),
                "given twice with different values");
        assert306(browser.send(SubdialogClient.post(setDisplay, "SessionID=a&sessionid=b&CallID=1&DisplayInfo=x")),
                "SessionID is given twice");
    }

    @Test
    void aMultipartPartWithoutANameGives306WithAMessage() {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"CallID\"\r\n\r\n1\r\n"
                + "--XX\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n--XX--\r\n";
        HttpResponse<String> r = browser.send(form("multipart/form-data; boundary=XX",
                HttpRequest.BodyPublishers.ofString(body)));
        assert306(r, "a multipart part has no name");
        assertTrue(!r.body().contains("Exception") && !r.body().contains("null"), r::body);
    }

    @Test
    void tooManyMultipartPartsGive306() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < Limits.MAX_FIELDS + 1; i++) {
            body.append("--XX\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\n\r\n");
        }
        body.append("--XX--\r\n");
        HttpResponse<String> r = browser.send(form("multipart/form-data; boundary=XX",
                HttpRequest.BodyPublishers.ofString(body.toString())));
        assert306(r, "multipart");
    }

    @Test
    void aValueOfTheWrongTypeGives306() {
        assert306(browser.send(SubdialogClient.post(live.server.base().resolve("vxml/Enqueue"),
                "CallID=1&IVRHold=yes&QueueName=Sales&InitialPriority=10")), "IVRHold");
    }

    @Test
    void aOneMegabyteBodyGives306() {
        String huge = "CallID=1&DisplayInfo=" + "a".repeat(1 << 20);
        assert306(browser.send(SubdialogClient.post(setDisplay, huge)), "larger than " + Limits.MAX_BODY_BYTES);
        // Without a Content-Length (chunked), Jetty stops reading at the same limit.
        assert306(browser.send(form("application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))),
                "larger than " + Limits.MAX_BODY_BYTES);
    }

    @Test
    void aValueOverTheValueLimitGives306() {
        String value = "a".repeat(Limits.MAX_VALUE_CHARS + 1);
        assert306(browser.send(SubdialogClient.post(setDisplay, "CallID=1&DisplayInfo=" + value)), "longer than");
    }

    @Test
    void aOneMegabyteQueryGives414() {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(
                URI.create(setDisplay + "?CallID=1&DisplayInfo=" + "a".repeat(1 << 20))).GET());
        assertEquals(414, r.statusCode());
        assertTrue(r.body().contains("URI Too Long"), r.body());
    }

    @Test
    void tooManyParametersGive306() {
        StringBuilder some = new StringBuilder("CallID=1");
        for (int i = 0; i < Limits.MAX_FIELDS; i++) some.append("&p").append(i).append('=');
        assert306(browser.send(SubdialogClient.post(setDisplay, some.toString())), "more than " + Limits.MAX_FIELDS);
        assert306(RawHttp.send(live.server.base(), "GET", "/vxml/SetDisplay?" + some, null, null),
                "more than " + Limits.MAX_FIELDS);
        StringBuilder many = new StringBuilder("CallID=1");
        for (int i = 0; i < 100_000; i++) many.append("&p").append(i).append('=');
        assert306(browser.send(SubdialogClient.post(setDisplay, many.toString())), "larger than");
    }

    @Test
    void brokenPercentEncodingGives306() {
        assert306(RawHttp.send(live.server.base(), "GET", "/vxml/SetDisplay?CallID=%zz&DisplayInfo=a", null, null),
                "cannot be read");
        assert306(browser.send(SubdialogClient.post(setDisplay, "CallID=%zz&DisplayInfo=a")), "cannot be read");
    }

    @Test
    void aBodyThatIsNotTheUtf8ItClaimsGives306() {
        byte[] latin1 = "CallID=1&DisplayInfo=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assert306(RawHttp.send(live.server.base(), "POST", "/vxml/SetDisplay", "application/x-www-form-urlencoded", latin1),
                "Invalid UTF-8");
        assert306(browser.send(SubdialogClient.post(setDisplay, "CallID=1&DisplayInfo=caf%E9")), "Invalid UTF-8");
    }

    @Test
    void aBodyInAnUnknownCharsetGives306() {
        assert306(browser.send(form("application/x-www-form-urlencoded; charset=x-klingon",
                HttpRequest.BodyPublishers.ofString("CallID=1&DisplayInfo=a"))), "x-klingon");
    }

    @Test
    void aBodyInADeclaredLatin1IsReadAsLatin1() {
        IvrScript script = new IvrScript(live.browser(true), SubdialogClient.Style.POST, false)
                .startUnmonitoredCall(77, "4165550100", "69030");
        URI set = live.server.base().resolve("vxml/SetContactData");
        HttpResponse<String> r = script.browser.send(HttpRequest.newBuilder(set)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("CallID=" + script.callId + "&Key=k&Value=caf%E9")));
        assertEquals(0, SubdialogClient.document(r).document().evaluate("return", Map.of()).get("ReturnCode"));
        assertEquals("caf\u00e9", script.call("GetContactData", Map.of("CallID", script.callId, "Key", "k")).get("Value"));
    }

    @Test
    void otherMethodsGive405AndOtherPathsGive404WithAMessage() {
        HttpResponse<String> put = browser.send(HttpRequest.newBuilder(setDisplay).PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, put.statusCode());
        assertEquals("GET, POST, HEAD", put.headers().firstValue("Allow").orElse(""));
        for (String path : new String[] {"vxml/Nope", "vxml/", "vxml/Enqueue/more", "xml/Nope", "api/ivr/Nope"}) {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(live.server.base().resolve(path)).GET());
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("No IVR API function"), r::body);
        }
    }
}
