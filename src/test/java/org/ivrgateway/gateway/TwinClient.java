package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Calls the twins of a subdialog, {@code /xml/{Function}} and {@code /api/ivr/{Function}}, by POST (the
 * same binding), and reads the answer into name → value: Integer for numbers, String otherwise (for XML,
 * an element whose text is an integer of an integer output is read as Integer by the caller's choice).
 */
final class TwinClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SubdialogClient client;

    TwinClient(SubdialogClient client) {
        this.client = client;
    }

    Map<String, Object> json(String function, Map<String, ?> params) {
        HttpResponse<String> r = client.send(SubdialogClient.post(client.base().resolve("api/ivr/" + function),
                SubdialogClient.form(params)));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(r.body(), LinkedHashMap.class);
            assertEquals(function.toLowerCase(), String.valueOf(body.remove("function")).toLowerCase());
            body.remove("detail");
            return body;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** Element texts; "ReturnCode" as Integer, the other values as text (XML has no types). */
    Map<String, String> xml(String function, Map<String, ?> params) {
        URI uri = client.base().resolve("xml/" + function);
        HttpResponse<String> r = client.send(SubdialogClient.post(uri, SubdialogClient.form(params)));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(r.body()))).getDocumentElement();
            assertEquals("result", root.getTagName());
            Map<String, String> out = new LinkedHashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && !e.getTagName().equals("detail")) out.put(e.getTagName(), e.getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("not XML: " + r.body(), e);
        }
    }
}
