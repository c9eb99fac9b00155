package org.ivrgateway.samples.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VoiceBrowserTest {
    private DocumentServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DocumentServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void subdialogWithNamelistSendsTheVariablesAndReturnsTheResultObject() {
        server.route("/echo", VoiceBrowserTest::echo).page("/app.vxml", """
                <var name="CallID" expr="'C1'"/>
                <form>
                  <var name="QueueName" expr="'Sales'"/>
                  <subdialog name="r" src="echo" namelist="CallID QueueName" method="post">
                    <filled><prompt>code <value expr="r.ReturnCode"/> saw <value expr="r.Seen"/></prompt></filled>
                  </subdialog>
                </form>""");
        CallRecord call = call("/app.vxml", caller());
        assertEquals(List.of("code 0 saw CallID=C1,QueueName=Sales"), call.prompts(), call::toString);
        assertEquals("post", call.fetches("echo").getFirst().method());
        assertEquals(List.of(Map.of("ReturnCode", "0", "Seen", "CallID=C1,QueueName=Sales")), call.returned("echo"));
        assertEquals("end of form ", call.ending());
    }

    @Test
    void aPlatformWithoutBuiltinGrammarsThrowsErrorUnsupportedBuiltinForATypedFieldOrABuiltinGrammar() {
        server.page("/app.vxml", """
                <catch event="error.unsupported.builtin"><log label="no"><value expr="_event"/></log><exit/></catch>
                <form>
                  <field name="n" type="digits?length=4"><prompt>account</prompt></field>
                </form>""").page("/src.vxml", """
                <catch event="error.unsupported.builtin"><log label="no"><value expr="_event"/></log><exit/></catch>
                <form>
                  <field name="n"><grammar src="builtin:dtmf/digits?length=4"/><prompt>account</prompt></field>
                </form>""");
        for (String page : List.of("/app.vxml", "/src.vxml")) {
            CallRecord call = call(page, caller().press("1234").withoutBuiltinGrammars());
            assertEquals(List.of("no: error.unsupported.builtin"), call.logs(l -> true), call::toString);
            assertEquals(List.of(), call.prompts(), "nothing is asked: " + call);
            assertEquals(List.of("1234"), call("/app.vxml", caller().press("1234")).all(Trace.Collected.class).stream()
                    .map(Trace.Collected::input).toList(), "a platform with them takes the digits");
        }
    }

    @Test
    void anInlineSrgsDtmfGrammarMatchesRepeatedKeysThroughARulerefAndGivesThemSeparatedBySpaces() {
        server.page("/app.vxml", """
                <form>
                  <field name="n">
                    <grammar mode="dtmf" version="1.0" root="four">
                      <rule id="key"><one-of><item>1</item><item>2</item><item>3</item><item>4</item></one-of></rule>
                      <rule id="four"><item repeat="4"><ruleref uri="#key"/></item></rule>
                    </grammar>
                    <prompt>four keys</prompt>
                    <nomatch><prompt>no</prompt><reprompt/></nomatch>
                    <filled><prompt>got <value expr="n"/></prompt></filled>
                  </field>
                  <field name="choice">
                    <grammar mode="dtmf" version="1.0" root="c"><rule id="c"><one-of>
                      <item>1<tag>out = "Sales"</tag></item><item>2 <tag>out = 'Support'</tag></item>
                    </one-of></rule></grammar>
                    <grammar version="1.0" root="v"><rule id="v"><item>3</item></rule></grammar>
                    <nomatch><prompt>no</prompt><reprompt/></nomatch>
                    <filled><prompt>chose <value expr="choice"/></prompt></filled>
                  </field>
                </form>""");
        CallRecord call = call("/app.vxml", caller().press("123", "12345", "1234", "3", "2").withoutBuiltinGrammars());
        assertEquals(List.of("four keys", "no", "four keys", "no", "four keys", "got 1 2 3 4", "no", "chose Support"),
                call.prompts(), "three keys and five keys do not match; a voice grammar takes no DTMF: " + call);
    }

    @Test
    void aTransferTheNetworkCannotRouteThrowsErrorConnectionNoroute() {
        server.page("/app.vxml", """
                <catch event="error.connection"><log label="failed"><value expr="_event"/></log><exit/></catch>
                <form><transfer name="t" dest="tel:5001"><filled><prompt>filled</prompt></filled></transfer></form>""");
        CallRecord call = call("/app.vxml", caller().onTransfer(d -> TransferOutcome.NOROUTE));
        assertEquals(List.of("failed: error.connection.noroute"), call.logs(l -> true), call::toString);
        assertEquals(List.of(), call.prompts());
        assertEquals("5001", call.lastTransferNumber());
    }

    @Test
    void theLocalUriIsWhatThePlatformGivesEvenWithoutANumber() {
        server.page("/app.vxml", """
                <form><block><prompt><value expr="session.connection.local.uri"/></prompt></block></form>""");
        assertEquals(List.of("sip:ivr@platform.example"),
                call("/app.vxml", caller().localUri("sip:ivr@platform.example")).prompts());
    }

    @Test
    void afterItsScriptedInputsACallerCanHoldInSilenceInsteadOfHangingUp() {
        server.page("/app.vxml", """
                <catch event="connection.disconnect.hangup"><log label="end">hung up</log><exit/></catch>
                <form>
                  <field name="n"><prompt>key</prompt>
                    <noinput count="2"><log label="end">silent twice</log><exit/></noinput>
                  </field>
                </form>""");
        assertEquals(List.of("end: hung up"), call("/app.vxml", caller()).logs(l -> true));
        CallRecord silent = call("/app.vxml", caller().thenRepeat(CallerInput.silence()));
        assertEquals(List.of("end: silent twice"), silent.logs(l -> true), silent::toString);
    }

    @Test
    void aScriptedNetworkFailureFailsOneFetchWithErrorBadfetch() {
        server.route("/echo", VoiceBrowserTest::echo).page("/app.vxml", """
                <catch event="error.badfetch"><log label="bad"><value expr="_event"/></log></catch>
                <form>
                  <subdialog name="a" src="echo"/>
                  <subdialog name="b" src="echo"><filled><log label="ok">second</log></filled></subdialog>
                </form>""");
        CallRecord call = call("/app.vxml", caller().failFetchOnce(f -> f.name().equals("echo")));
        assertEquals(List.of("bad: error.badfetch", "ok: second"), call.logs(l -> true), call::toString);
        assertEquals(3, call.fetches("echo").size(), "the failed fetch, then a again (still unfilled), then b: " + call);
    }

    @Test
    void subdialogWithParamsFillsTheFormVarsOfACollectingDocumentThatSubmitsThemBack() {
        server.route("/fn", p -> p.isEmpty() ? DocumentServer.VxmlText.document("""
                <form><var name="A" expr="''"/><var name="B" expr="''"/>
                <block><submit next="fn" namelist="A B" method="post"/></block></form>""") : echo(p))
                .page("/app.vxml", """
                <form>
                  <subdialog name="r" src="fn"><param name="A" expr="1 + 1"/><param name="B" value="x y"/>
                    <filled><prompt><value expr="r.Seen"/></prompt></filled>
                  </subdialog>
                </form>""");
        CallRecord call = call("/app.vxml", caller());
        assertEquals(List.of("A=2,B=x y"), call.prompts(), call::toString);
        assertEquals(2, call.fetches("fn").size());
    }

    @Test
    void paramWithoutAMatchingVarIsErrorSemanticInTheSubdialog() {
        server.route("/fn", VoiceBrowserTest::echo).page("/app.vxml", """
                <form>
                  <subdialog name="r" src="fn"><param name="Nope" expr="1"/></subdialog>
                </form>""");
        CallRecord call = call("/app.vxml", caller());
        assertTrue(call.ending().startsWith("uncaught error.semantic"), call::toString);
    }

    @Test
    void fieldTakesScriptedDtmfAndANomatchIsCaughtThenTheFieldAsksAgain() {
        server.page("/app.vxml", """
                <form>
                  <field name="choice">
                    <prompt>press 1 or 2</prompt>
                    <option dtmf="1" value="Sales">sales</option><option dtmf="2" value="Support">support</option>
                    <nomatch>sorry<reprompt/></nomatch>
                    <filled><prompt>you chose <value expr="choice"/></prompt></filled>
                  </field>
                </form>""");
        CallRecord call = call("/app.vxml", caller().press("9", "2"));
        assertEquals(List.of("press 1 or 2", "sorry", "press 1 or 2", "you chose Support"), call.prompts(), call::toString);
    }

    @Test
    void noinputHandlersAreChosenByCount() {
        server.page("/app.vxml", """
                <form>
                  <field name="n" type="digits?length=4">
                    <prompt>account</prompt>
                    <noinput>once</noinput><noinput count="2">twice<exit/></noinput>
                  </field>
                </form>""");
        CallRecord call = call("/app.vxml", caller().then(CallerInput.silence(), CallerInput.silence()));
        assertEquals(List.of("account", "once", "account", "twice"), call.prompts(), call::toString);
        assertEquals("exit", call.ending());
    }

    @Test
    void blindTransferThatConnectsEndsTheCallWithConnectionDisconnectTransfer() {
        server.page("/app.vxml", """
                <catch event="connection.disconnect.transfer"><log label="gone">transferred</log><exit/></catch>
                <form><transfer name="t" destexpr="'tel:' + '5001'" bridge="false"/></form>""");
        CallRecord call = call("/app.vxml", caller());
        assertEquals("5001", call.lastTransferNumber());
        assertEquals(List.of("gone: transferred"), call.logs(l -> true));
        assertEquals("exit", call.ending());
    }

    @Test
    void transferThatFindsTheLineBusyFillsItsItemWithBusy() {
        server.page("/app.vxml", """
                <form><transfer name="t" dest="tel:5001"><filled><prompt><value expr="t"/></prompt></filled></transfer></form>""");
        CallRecord call = call("/app.vxml", caller().onTransfer(d -> TransferOutcome.BUSY));
        assertEquals(List.of("busy"), call.prompts(), call::toString);
    }

    @Test
    void callerWhoHangsUpDuringAPromptIsHeardAtTheEndOfIt() {
        server.page("/app.vxml", """
                <catch event="connection.disconnect.hangup"><goto next="#bye"/></catch>
                <form id="loop"><block><prompt>please hold</prompt><goto next="#loop"/></block></form>
                <form id="bye"><block><log label="hangup">caller gone</log><prompt>not heard</prompt></block></form>""");
        CallRecord call = call("/app.vxml", caller().hangUpAfter(t -> t instanceof Trace.Prompted));
        assertEquals(List.of("please hold"), call.prompts(), call::toString);
        assertEquals(List.of("hangup: caller gone"), call.logs(l -> true));
    }

    @Test
    void gotoAnotherLeafOfTheSameRootKeepsApplicationVariables() {
        server.page("/root.vxml", "<var name=\"counter\" expr=\"0\"/>");
        server.route("/a.vxml", p -> DocumentServer.VxmlText.document("application=\"root.vxml\"",
                "<form><block><assign name=\"counter\" expr=\"counter + 1\"/><goto next=\"b.vxml\"/></block></form>"));
        server.route("/b.vxml", p -> DocumentServer.VxmlText.document("application=\"root.vxml\"",
                "<form><block><prompt><value expr=\"application.counter\"/></prompt></block></form>"));
        CallRecord call = call("/a.vxml", caller());
        assertEquals(List.of("1"), call.prompts(), call::toString);
        assertEquals(1, call.fetches("root.vxml").size());
    }

    @Test
    void aDocumentThatIsNotValidVoiceXmlFailsTheFetchWithErrorBadfetch() {
        server.page("/app.vxml", """
                <catch event="error.badfetch"><log label="bad"><value expr="_event"/></log><exit/></catch>
                <form><block><goto next="broken.vxml"/></block></form>""")
                .page("/broken.vxml", "<form><block><nonsense/></block></form>");
        CallRecord call = call("/app.vxml", caller());
        assertEquals(List.of("bad: error.badfetch"), call.logs(l -> true), call::toString);
    }

    @Test
    void aMissingDocumentIsErrorBadfetchHttp404() {
        server.page("/app.vxml", "<form><block><goto next=\"missing.vxml\"/></block></form>");
        CallRecord call = call("/app.vxml", caller());
        assertEquals("uncaught error.badfetch.http.404", call.ending().replaceFirst(":.*", ""), call::toString);
    }

    @Test
    void assigningAnUndeclaredVariableIsErrorSemantic() {
        server.page("/app.vxml", "<form><block><assign name=\"nowhere\" expr=\"1\"/></block></form>");
        CallRecord call = call("/app.vxml", caller());
        assertEquals(List.of("error.semantic"), call.events(), call::toString);
    }

    @Test
    void aCookieSetByOneFetchIsSentWithTheNext() {
        server.setCookie("/first", "JSESSIONID=abc; Path=/")
                .route("/first", VoiceBrowserTest::echo).route("/second", VoiceBrowserTest::echo)
                .route("/cookie", p -> echo(Map.of("cookie", p.getOrDefault("Cookie", "none"))))
                .page("/app.vxml", """
                <form>
                  <subdialog name="a" src="first"/>
                  <subdialog name="b" src="cookie"><filled><prompt><value expr="b.Seen"/></prompt></filled></subdialog>
                </form>""");
        CallRecord call = call("/app.vxml", caller());
        assertEquals(List.of("cookie=JSESSIONID=abc"), call.prompts(), call::toString);
    }

    @Test
    void sessionConnectionCarriesTheScriptedNumbers() {
        server.page("/app.vxml", """
                <form><block><prompt><value expr="session.connection.remote.uri + ' ' + session.connection.local.uri"/></prompt></block></form>""");
        assertEquals(List.of("tel:9055557900 tel:36200"), call("/app.vxml", caller()).prompts());
    }

    @Test
    void anApplicationThatLoopsForeverStopsAtTheStepBudget() {
        server.page("/app.vxml", "<form id=\"f\"><block><goto next=\"#f\"/></block></form>");
        CallRecord call = call("/app.vxml", caller().maxSteps(20));
        assertEquals("step budget or deadline spent", call.ending());
    }

    private CallRecord call(String path, CallScript script) {
        return VoiceBrowser.call(server.uri(path), script);
    }

    private static CallScript caller() {
        return CallScript.call("9055557900", "36200");
    }

    /** A subdialog document like the gateway's: returns what it was sent, joined. */
    private static String echo(Map<String, String> p) {
        String seen = p.entrySet().stream().filter(e -> !e.getKey().equals("Cookie"))
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "," + b).orElse("");
        return DocumentServer.VxmlText.document("<form><var name=\"ReturnCode\" expr=\"0\"/><var name=\"Seen\" expr=\"'"
                + seen + "'\"/><block><return namelist=\"ReturnCode Seen\"/></block></form>");
    }
}
