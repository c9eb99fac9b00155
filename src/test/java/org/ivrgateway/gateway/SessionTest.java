package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import org.ivrgateway.gateway.SubdialogClient.Style;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.Test;

/** Sessions by cookie and by SessionID (docs/VXML.md, "Sessions"), through /vxml against the real core. */
class SessionTest {
    private static final Map<String, Object> INIT = Map.of("LocalPort", "7", "AdminServerName", "6000@localhost",
            "RpcTimeout", 10000);

    @Test
    void initializeSetsAnHttpOnlySessionCookieAndReturnsTheSameSessionId() {
        try (TestDatabase db = TestDatabases.h2(); LiveCenter live = LiveCenter.start(db)) {
            SubdialogClient.Reply reply = live.browser(false).fetch("Initialize", INIT, Style.POST);
            String sessionId = (String) reply.document().evaluate("return", Map.of()).get("SessionID");
            String header = reply.response().headers().firstValue("Set-Cookie").orElseThrow();
            List<HttpCookie> cookies = HttpCookie.parse(header);
            assertEquals(SessionCookie.NAME, cookies.get(0).getName());
            assertEquals(sessionId, cookies.get(0).getValue());
            assertEquals("/", cookies.get(0).getPath());
            assertTrue(cookies.get(0).isHttpOnly(), header);
        }
    }

    @Test
    void withoutCookieOrSessionIdAFunctionGives304() {
        try (TestDatabase db = TestDatabases.h2(); LiveCenter live = LiveCenter.start(db)) {
            Map<String, Object> r = live.browser(false).call("QuerySystemStatus", Map.of("SessionID", ""), Style.GET);
            assertEquals(-304, r.get("ReturnCode"));
            assertEquals(Map.of("ReturnCode", -304, "OverallStatus", 0, "IndividualServerStates", "", "Entries", 0), r);
        }
    }

    @Test
    void theCookieCarriesTheSessionAndASessionIdParameterWinsOverIt() {
        try (TestDatabase db = TestDatabases.h2(); LiveCenter live = LiveCenter.start(db)) {
            SubdialogClient browser = live.browser(true);
            Map<String, Object> init = browser.call("Initialize", INIT, Style.POST);
            assertEquals(0, init.get("ReturnCode"));
            // The cookie alone: a namelist call that names SessionID empty still runs, on the cookie's session.
            assertEquals(0, browser.call("QuerySystemStatus", Map.of("SessionID", ""), Style.POST).get("ReturnCode"));
            assertEquals(-304, browser.call("QuerySystemStatus", Map.of("SessionID", "no-such-session"), Style.POST)
                    .get("ReturnCode"));
            SubdialogClient cookieless = live.browser(false);
            assertEquals(0, cookieless.call("QuerySystemStatus", Map.of("SessionID", init.get("SessionID")), Style.GET)
                    .get("ReturnCode"));
        }
    }

    @Test
    void aFunctionWithoutInputsRunsAfterTheCollectingDocumentWhenNamingNothing() {
        try (TestDatabase db = TestDatabases.h2(); LiveCenter live = LiveCenter.start(db)) {
            SubdialogClient browser = live.browser(true);
            browser.call("Initialize", INIT, Style.GET);
            SubdialogClient.Reply first = browser.fetch("QuerySystemStatus", Map.of(), Style.GET);
            assertEquals(List.of("SessionID"), first.document().namelist("submit"));
            assertEquals(0, browser.call("QuerySystemStatus", Map.of(), Style.PARAM).get("ReturnCode"));
        }
    }
}
