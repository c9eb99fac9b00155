package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.Platform;
import org.ivrgateway.gateway.SubdialogClient.Style;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * The input and output rules of docs/VXML.md ("Parameters", "Returned variables", "Text values") that
 * the guide's own scripts rely on, through /vxml (and its twins) against the real core, on both databases.
 */
class ParameterRulesTest {
    private static final String EMOJI = "\uD83D\uDE00";
    private static final java.time.ZoneId TORONTO = java.time.ZoneId.of("America/Toronto");

    private static double ignored(LiveCenter live, String function) {
        var counter = live.server.registry().find(RequestBinder.IGNORED_METRIC).tag("function", function).counter();
        return counter == null ? 0 : counter.count();
    }

    private static LiveCenter start(TestDatabase db) {
        return LiveCenter.start(db, LiveCenter.config(3, 5000, Platform.OPENSCAPE_4000), null);
    }

    @BothDatabases
    void aNameThatIsNoParameterIsIgnoredAndCountedInEveryStyle(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            int port = 1;
            for (Style style : Style.values()) {
                boolean cookies = style != Style.PARAM;
                IvrScript script = new IvrScript(live.browser(cookies), style, !cookies)
                        .startUnmonitoredCall(port++, "4165550100", "69030");
                double before = ignored(live, "Enqueue");
                Map<String, Object> params = new LinkedHashMap<>(Map.of("CallID", script.callId, "IVRHold", 1,
                        "QueueName", LiveCenter.QUEUE, "InitialPriority", 10));
                // The guide's signature names the outputs; its scripts pass their own EstWaitTime in namelists.
                params.put("EstimatedWait", 0);
                params.put("CallsinQueue", 0);
                if (style != Style.PARAM) params.put("EstWaitTime", 0);
                Map<String, Object> r = script.call("Enqueue", params);
                assertEquals(0, r.get("ReturnCode"), () -> style + " " + r);
                assertEquals(style.ordinal() + 1, r.get("CallsInQueue"), r::toString);
                assertEquals(r.get("CallsInQueue"), r.get("CallsinQueue"), r::toString);
                // EstWaitTime is no parameter (counted); EstimatedWait and CallsinQueue name an output (not
                // counted); the collecting document posts back the inputs only.
                double expected = style == Style.PARAM ? 0 : 1;
                assertEquals(before + expected, ignored(live, "Enqueue"), style::toString);
            }
        }
    }

    @BothDatabases
    void theSameValueTwiceIsAcceptedAnotherValueIs306(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            IvrScript script = new IvrScript(live.browser(true), Style.POST, false).startUnmonitoredCall(1, "4165550100", "69030");
            URI set = live.server.base().resolve("vxml/SetContactData");
            String same = "CallID=" + script.callId + "&callid=" + script.callId + "&Key=k&KEY=k&Value=v";
            assertEquals(0, returnCode(script.browser.send(SubdialogClient.post(set, same))));
            String other = "CallID=" + script.callId + "&Key=k&Value=v&value=w";
            assertEquals(-306, returnCode(script.browser.send(SubdialogClient.post(set, other))));
            assertEquals("v", script.call("GetContactData", Map.of("CallID", script.callId, "Key", "k")).get("Value"));
        }
    }

    @BothDatabases
    void anEmptyValueResetsContactDataAndClearsTheDisplay(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            for (Style style : Style.values()) {
                boolean cookies = style != Style.PARAM;
                IvrScript script = new IvrScript(live.browser(cookies), style, !cookies)
                        .startUnmonitoredCall(style.ordinal() + 1, "4165550100", "69030");
                assertEquals(0, script.call("SetContactData", Map.of("CallID", script.callId, "Key", "pin", "Value", "1234"))
                        .get("ReturnCode"));
                // Guide 4.18: a script resets contact data with an empty value before Enqueue.
                Map<String, Object> reset = script.call("SetContactData", Map.of("CallID", script.callId, "Key", "pin", "Value", ""));
                assertEquals(0, reset.get("ReturnCode"), () -> style + " " + reset);
                assertEquals(Map.of("ReturnCode", 0, "Value", ""),
                        script.call("GetContactData", Map.of("CallID", script.callId, "Key", "pin")), style::toString);

                assertEquals(0, script.call("SetDisplay", Map.of("CallID", script.callId, "DisplayInfo", "VIP"))
                        .get("ReturnCode"));
                assertEquals("VIP", call(live, script.callId).display());
                Map<String, Object> cleared = script.call("SetDisplay", Map.of("CallID", script.callId, "DisplayInfo", ""));
                assertEquals(0, cleared.get("ReturnCode"), cleared::toString);
                assertEquals("", call(live, script.callId).display(), style::toString);

                // Other empty values still count as absent: a required Key is missing.
                assertEquals(-306, script.call("SetContactData", Map.of("CallID", script.callId, "Key", "", "Value", "x"))
                        .get("ReturnCode"));
            }
        }
    }

    @BothDatabases
    void businessUnitNameOfQueryQueueStatisticsIsNotLookedAtWithoutMultiTenant(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            IvrScript script = new IvrScript(live.browser(true), Style.GET, false).startUnmonitoredCall(1, "4165550100", "69030");
            for (String unit : List.of("Nowhere", "x".repeat(40), "a\u0000b", "")) {
                Map<String, Object> r = script.call("QueryQueueStatistics",
                        Map.of("QueueName", LiveCenter.QUEUE, "BusinessUnitName", unit));
                assertEquals(0, r.get("ReturnCode"), () -> unit + " " + r);
            }
        }
    }

    @BothDatabases
    void aFailedFunctionGivesBackItsInOutParametersAsTheyCameInEveryRenderer(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            IvrScript script = new IvrScript(live.browser(false), Style.POST, true).startUnmonitoredCall(1, "4165550100", "69030");
            TwinClient twins = new TwinClient(script.browser);
            Map<String, Object> callback = new LinkedHashMap<>(Map.of("CallID", script.callId, "QueueName", "NoSuchQueue",
                    "Description", "Call me back 'today'", "TimeZoneOffset", -300, "ContactName", "Ann",
                    "Schedule1", "4165550100;12/30/2099;10:00;12/30/2099;11:00", "SessionID", script.sessionId));
            Map<String, Object> vxml = script.browser.call("CreateCallback", callback, Style.POST);
            Map<String, Object> json = twins.json("CreateCallback", callback);
            Map<String, String> xml = twins.xml("CreateCallback", callback);
            for (Map<String, ?> answer : List.of(vxml, json, xml)) {
                assertEquals(String.valueOf(-1045), String.valueOf(answer.get("ReturnCode")), answer::toString);
                assertEquals(script.callId, answer.get("CallID"), answer::toString);
                assertEquals("Call me back 'today'", answer.get("Description"), answer::toString);
                assertEquals("", answer.get("CallbackID"), answer::toString);
            }

            Map<String, Object> agent = Map.of("AgentID", "799999", "SessionID", script.sessionId);
            Map<String, Object> device = Map.of("Device", "9999", "SessionID", script.sessionId);
            assertEquals(Map.of("ReturnCode", -904, "AgentID", "799999", "Device", "", "AgentStatus", 0),
                    script.browser.call("QueryAgentStatus", agent, Style.POST));
            assertEquals(Map.of("ReturnCode", -909, "AgentID", "", "Device", "9999", "AgentStatus", 0),
                    twins.json("QueryAgentStatus", device));
            assertEquals("799999", twins.xml("QueryAgentStatus", agent).get("AgentID"));

            // Refused by the gateway itself (-306 for a value given twice): the inputs still come back.
            URI create = live.server.base().resolve("vxml/CreateCallback");
            HttpResponse<String> twice = script.browser.send(SubdialogClient.post(create, SubdialogClient.form(callback)
                    + "&Description=other"));
            Map<String, Object> refused = SubdialogClient.document(twice).document().evaluate("return", Map.of());
            assertEquals(-306, refused.get("ReturnCode"));
            assertEquals(script.callId, refused.get("CallID"));
        }
    }

    @BothDatabases
    void parameterNamesFoldAsciiLettersOnly(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            IvrScript script = new IvrScript(live.browser(true), Style.POST, false).startUnmonitoredCall(1, "4165550100", "69030");
            double before = ignored(live, "SetContactData");
            Map<String, Object> dottedI = script.call("SetContactData", Map.of("Call\u0130d", script.callId, "Key", "k", "Value", "v"));
            assertEquals(-306, dottedI.get("ReturnCode"), dottedI::toString);
            Map<String, Object> kelvin = script.call("SetContactData", Map.of("CallID", script.callId, "\u212Aey", "k", "Value", "v"));
            assertEquals(-306, kelvin.get("ReturnCode"), kelvin::toString);
            assertEquals(before + 2, ignored(live, "SetContactData"));
            // A value is compared the same way: ſales is not the queue Sales.
            assertEquals(-905, script.call("QueryQueueStatistics", Map.of("QueueName", "\u017Fales")).get("ReturnCode"));
            assertEquals(0, script.call("QueryQueueStatistics", Map.of("QueueName", "sALES")).get("ReturnCode"));
            // And so is a function's name.
            HttpResponse<String> r = script.browser.send(HttpRequest.newBuilder(
                    live.server.base().resolve("vxml/CreateCallbac%E2%84%AA")).GET());
            assertEquals(404, r.statusCode(), r::body);
        }
    }

    /**
     * Lengths are characters (code points) on both databases: 65 emoji fit SetContactData's 128-character
     * Value (130 UTF-16 units; H2 gave -305), the most characters of every stored text fit, one more is
     * -306, and what neither database can hold (NUL) is -306, never -305.
     */
    @BothDatabases
    void storedTextIsCountedInCharactersAndCheckedForWhatTheDatabasesHold(TestDatabase db) {
        try (LiveCenter live = start(db)) {
            IvrScript script = new IvrScript(live.browser(true), Style.POST, false)
                    .startUnmonitoredCall(1, EMOJI.repeat(80), EMOJI.repeat(80));
            Views.Call stored = call(live, script.callId);
            assertEquals(EMOJI.repeat(80), stored.ani());
            Map<String, Object> callback = script.call("CreateCallback", Map.of("CallID", script.callId, "QueueName", "CBQueue",
                    "Description", EMOJI.repeat(100), "TimeZoneOffset", torontoOffsetMinutes(), "ContactName", EMOJI.repeat(80),
                    "Schedule1", tomorrowInToronto()));
            assertEquals(0, callback.get("ReturnCode"), callback::toString);

            String value = EMOJI.repeat(65);
            assertEquals(0, script.call("SetContactData", Map.of("CallID", script.callId, "Key", "k", "Value", value))
                    .get("ReturnCode"));
            assertEquals(value, script.call("GetContactData", Map.of("CallID", script.callId, "Key", "k")).get("Value"));
            String key = EMOJI.repeat(32);
            assertEquals(0, script.call("SetContactData", Map.of("CallID", script.callId, "Key", key,
                    "Value", EMOJI.repeat(128))).get("ReturnCode"));
            assertEquals(EMOJI.repeat(128), script.call("GetContactData", Map.of("CallID", script.callId, "Key", key)).get("Value"));
            Map<String, Object> tooLong = script.call("SetContactData", Map.of("CallID", script.callId, "Key", "k",
                    "Value", EMOJI.repeat(129)));
            assertEquals(-306, tooLong.get("ReturnCode"));

            assertEquals(0, script.call("SetDisplay", Map.of("CallID", script.callId, "DisplayInfo", EMOJI.repeat(240)))
                    .get("ReturnCode"));
            assertEquals(0, script.call("Enqueue", Map.of("CallID", script.callId, "IVRHold", 1, "QueueName", LiveCenter.QUEUE,
                    "InitialPriority", 10, "Description", EMOJI.repeat(100))).get("ReturnCode"));
            stored = call(live, script.callId);
            assertEquals(EMOJI.repeat(240), stored.display());
            assertEquals(EMOJI.repeat(100), stored.description());

            URI set = live.server.base().resolve("vxml/SetContactData");
            HttpResponse<String> nul = script.browser.send(SubdialogClient.post(set, "CallID=" + script.callId + "&Key=k&Value=a%00b"));
            SubdialogClient.Reply reply = SubdialogClient.document(nul);
            assertEquals(-306, reply.document().evaluate("return", Map.of()).get("ReturnCode"));
            assertTrue(String.join(" ", reply.document().comments()).contains("NUL"), nul::body);
            // A lone surrogate cannot be sent as UTF-8: its encoding is refused as invalid UTF-8.
            HttpResponse<String> lone = script.browser.send(SubdialogClient.post(set, "CallID=" + script.callId + "&Key=k&Value=a%ED%A0%80"));
            assertEquals(-306, SubdialogClient.document(lone).document().evaluate("return", Map.of()).get("ReturnCode"));
            assertEquals(value, script.call("GetContactData", Map.of("CallID", script.callId, "Key", "k")).get("Value"));
            assertFalse(nul.body().contains("Exception"), nul::body);
        }
    }

    /** A schedule for tomorrow 10:00–11:00 in Toronto, the test center's callback time zone. */
    private static String tomorrowInToronto() {
        String day = java.time.LocalDate.now(TORONTO).plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        return "4165550100;" + day + ";10:00;" + day + ";11:00";
    }

    private static int torontoOffsetMinutes() {
        return TORONTO.getRules().getOffset(java.time.Instant.now().plus(java.time.Duration.ofDays(1))).getTotalSeconds() / 60;
    }

    private static Views.Call call(LiveCenter live, String callId) {
        return live.center.calls().stream().filter(c -> c.callId().equals(callId)).findFirst().orElseThrow();
    }

    private static Object returnCode(HttpResponse<String> response) {
        return SubdialogClient.document(response).document().evaluate("return", Map.of()).get("ReturnCode");
    }
}
