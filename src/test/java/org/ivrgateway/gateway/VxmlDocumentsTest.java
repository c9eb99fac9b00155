package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.ParamType;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The built-in templates, rendered without a server: schema-valid, and every value read back by Rhino. */
class VxmlDocumentsTest {
    static final String HOSTILE = Hostile.VALUE;
    private final VxmlDocuments renderer = new VxmlDocuments(VxmlTemplates.load(null));

    @ParameterizedTest
    @EnumSource(IvrFunction.class)
    void successReturnsEveryOutputWithItsValue(IvrFunction f) {
        Result result = Result.success(f);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReturnCode", 0);
        int n = 7;
        for (Parameter p : f.outputs()) {
            Object value = p.type() == ParamType.INTEGER ? (Object) n++ : HOSTILE;
            result = result.with(p.name(), value);
            expected.put(p.name(), value);
            if (p.name().equals("CallsInQueue") && !ResultSpellings.extraNames(f).isEmpty()) {
                expected.put("CallsinQueue", value);
            }
        }
        Map<String, Object> returned = new VxmlDocument(renderer.result(result)).evaluate("return", Map.of());
        assertEquals(expected, returned);
    }

    /** The syntax lines of these three spell it CallsinQueue; scripts read either name (docs/CONFORMANCE.md). */
    @ParameterizedTest
    @EnumSource(value = IvrFunction.class, names = {"ENQUEUE", "ENQUEUE_FOR_AGENT", "QUERY_ROUTING_INFO"})
    void callsInQueueComesBackUnderBothOfTheGuidesSpellings(IvrFunction f) {
        Result result = Result.success(f).with("CallsInQueue", 4);
        Map<String, Object> returned = new VxmlDocument(renderer.result(result)).evaluate("return", Map.of());
        assertEquals(4, returned.get("CallsInQueue"));
        assertEquals(4, returned.get("CallsinQueue"));
        Map<String, Object> failed = new VxmlDocument(renderer.result(Result.failure(f, ReturnCode.INVALID_PARAMETER, "x")))
                .evaluate("return", Map.of());
        assertEquals(0, failed.get("CallsinQueue"));
    }

    /**
     * A failure's document is made once and served again (2,000 waits ending together answer the same -701,
     * docs/RELIABILITY.md); one with other values is a document of its own, and the memo stays bounded.
     */
    @Test
    void aFailureIsRenderedOnceAndServedAgainWhileOtherFailuresGetTheirOwnDocument() {
        Result timeout = Result.failure(IvrFunction.QUERY_CALL_STATUS, ReturnCode.TIMEOUT, "still queued");
        String first = renderer.result(timeout);
        assertSame(first, renderer.result(Result.failure(IvrFunction.QUERY_CALL_STATUS, ReturnCode.TIMEOUT, "still queued")));
        assertEquals(-701, new VxmlDocument(first).evaluate("return", Map.of()).get("ReturnCode"));
        String other = renderer.result(Result.failure(IvrFunction.QUERY_CALL_STATUS, ReturnCode.NO_CALL, "still queued"));
        assertNotEquals(first, other);
        assertEquals(ReturnCode.NO_CALL.code(), new VxmlDocument(other).evaluate("return", Map.of()).get("ReturnCode"));
        String echoed = renderer.result(Result.failure(IvrFunction.QUERY_CALL_STATUS, ReturnCode.TIMEOUT, "still queued")
                .with("Extension", "4711"));
        assertEquals("4711", new VxmlDocument(echoed).evaluate("return", Map.of()).get("Extension"));
        for (int i = 0; i < 3 * VxmlDocuments.MAX_FAILURE_DOCUMENTS; i++) {
            renderer.result(Result.failure(IvrFunction.QUERY_CALL_STATUS, ReturnCode.TIMEOUT, "call " + i));
        }
        assertTrue(renderer.failureDocuments() <= VxmlDocuments.MAX_FAILURE_DOCUMENTS, "the memo is bounded");
    }

    @ParameterizedTest
    @EnumSource(IvrFunction.class)
    void theTemplatesOwnCommentsAreNotSent(IvrFunction f) {
        String success = renderer.result(Result.success(f));
        String collecting = renderer.collect(f);
        for (String doc : List.of(success, collecting)) {
            assertFalse(doc.contains("<!--"), doc);
            assertFalse(doc.contains("Model:"), doc);
        }
        String failure = renderer.result(Result.failure(f, ReturnCode.UNKNOWN_ERROR, "incident 1234"));
        assertEquals(List.of(" incident 1234 "), new VxmlDocument(failure).comments());
    }

    @ParameterizedTest
    @EnumSource(IvrFunction.class)
    void failureReturnsEveryOutputEmptyAndTheDetailInAComment(IvrFunction f) {
        String detail = "Key -- is not --> a parameter <!-- &";
        VxmlDocument doc = new VxmlDocument(renderer.result(Result.failure(f, ReturnCode.INVALID_PARAMETER, detail)));
        Map<String, Object> returned = doc.evaluate("return", Map.of());
        assertEquals(-306, returned.get("ReturnCode"));
        List<String> names = new ArrayList<>(List.of("ReturnCode"));
        f.outputs().forEach(p -> {
            names.add(p.name());
            assertEquals(p.emptyValue(), returned.get(p.name()), p.name());
            if (p.name().equals("CallsInQueue")) names.addAll(ResultSpellings.extraNames(f));
        });
        assertEquals(names, new ArrayList<>(returned.keySet()));
        String comment = doc.comments().get(0);
        assertTrue(comment.contains("is not") && comment.contains("a parameter"), comment);
        assertFalse(comment.contains("--"), comment);
    }

    @ParameterizedTest
    @EnumSource(IvrFunction.class)
    void collectingDocumentDeclaresEveryGuideParameterAndSessionIdAndPostsTheInputsBack(IvrFunction f) {
        VxmlDocument doc = new VxmlDocument(renderer.collect(f));
        List<String> declared = doc.vars().stream().map(VxmlDocument.Var::name).toList();
        for (Parameter p : f.parameters()) assertTrue(declared.contains(p.name()), p.name() + " not declared: " + declared);
        ResultSpellings.extraNames(f).forEach(n -> assertTrue(declared.contains(n), n));
        assertEquals("SessionID", declared.getLast());
        assertEquals(declared.size(), new java.util.HashSet<>(declared).size(), "declared twice: " + declared);
        List<String> posted = new ArrayList<>(f.inputs().stream().map(Parameter::name).toList());
        posted.add("SessionID");
        assertEquals(posted, doc.namelist("submit"));
        assertEquals(f.guideName(), doc.element("submit").getAttribute("next"));
        assertEquals("post", doc.element("submit").getAttribute("method"));
        doc.vars().forEach(v -> assertEquals("''", v.expr()));
    }

    @Test
    void valuesAreAsciiLiteralsThatCannotCloseStringAttributeOrDocument() {
        String literal = EcmaScript.string(HOSTILE);
        assertTrue(literal.chars().allMatch(c -> c >= 0x20 && c < 0x7F), literal);
        String body = literal.substring(1, literal.length() - 1);
        assertTrue(body.chars().noneMatch(c -> "'\"<>&\r\n".indexOf(c) >= 0), body);
        assertFalse(body.replace("\\u", "").contains("\\"), "a backslash other than a \\u escape: " + body);
    }
}
