package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class VxmlRendererTest {
    static final String HOSTILE = Hostile.VALUE;
    private final VxmlRenderer renderer = new VxmlRenderer(VxmlTemplates.load(null));

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
        }
        Map<String, Object> returned = new VxmlDocument(renderer.result(result)).evaluate("return", Map.of());
        assertEquals(expected, returned);
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
        });
        assertEquals(names, new ArrayList<>(returned.keySet()));
        String comment = doc.comments().get(0);
        assertTrue(comment.contains("is not") && comment.contains("a parameter"), comment);
        assertFalse(comment.contains("--"), comment);
    }

    @ParameterizedTest
    @EnumSource(IvrFunction.class)
    void collectingDocumentDeclaresEveryInputAndSessionIdAndPostsThemBack(IvrFunction f) {
        VxmlDocument doc = new VxmlDocument(renderer.collect(f));
        List<String> expected = new ArrayList<>(f.inputs().stream().map(Parameter::name).toList());
        if (!expected.contains("SessionID")) expected.add("SessionID");
        assertEquals(expected, doc.vars().stream().map(VxmlDocument.Var::name).toList());
        assertEquals(expected, doc.namelist("submit"));
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
