package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The XML and JSON renderers keep every value, hostile characters included. */
class TwinRendererTest {
    private final Result result = Result.success(IvrFunction.GET_CONTACT_DATA).with("Value", Hostile.VALUE);

    @Test
    void jsonCarriesReturnCodeAndEveryOutputUnchanged() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().readValue(new JsonRenderer().render(result), Map.class);
        assertEquals(Map.of("function", "GetContactData", "ReturnCode", 0, "Value", Hostile.VALUE), body);
    }

    @Test
    void xmlCarriesReturnCodeAndEveryOutputUnchanged() throws Exception {
        Element root = parse(new XmlRenderer().render(result));
        assertEquals("GetContactData", root.getAttribute("function"));
        assertEquals("0", root.getElementsByTagName("ReturnCode").item(0).getTextContent());
        assertEquals(Hostile.VALUE, root.getElementsByTagName("Value").item(0).getTextContent());
    }

    @Test
    void xmlReplacesCharactersXmlCannotCarryAndKeepsTheDetail() throws Exception {
        Result failure = Result.failure(IvrFunction.QUERY_CALL_STATUS, ReturnCode.INVALID_PARAMETER, "bad \u0001 value")
                .with("Extension", "a\u0000b");
        Element root = parse(new XmlRenderer().render(failure));
        assertEquals("-306", root.getElementsByTagName("ReturnCode").item(0).getTextContent());
        assertEquals("a\uFFFDb", root.getElementsByTagName("Extension").item(0).getTextContent());
        assertEquals("0", root.getElementsByTagName("PositionInQueue").item(0).getTextContent());
        assertTrue(root.getElementsByTagName("detail").item(0).getTextContent().startsWith("bad "));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }
}
