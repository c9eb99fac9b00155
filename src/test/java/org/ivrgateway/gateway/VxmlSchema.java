package org.ivrgateway.gateway;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The W3C VoiceXML 2.1 schema from test resources, loaded offline: every schemaLocation, including the
 * absolute http://www.w3.org/2001/xml.xsd, resolves to the copy next to vxml.xsd, and external access
 * other than file/jar is refused, so a missing mapping fails instead of reaching the network.
 */
final class VxmlSchema {
    private static final String DIR = "/vxml-2.1-schema/";
    private static final Schema SCHEMA = load();

    private VxmlSchema() {
    }

    /** @throws AssertionError with the parser's message and the document when it does not validate */
    static void validate(String document) {
        try {
            Validator v = SCHEMA.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new StreamSource(new StringReader(document)));
        } catch (SAXException e) {
            throw new AssertionError("not valid VoiceXML 2.1: " + e.getMessage() + "\n" + document, e);
        } catch (Exception e) {
            throw new AssertionError("cannot validate: " + e + "\n" + document, e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                if (systemId == null) return null;
                String file = systemId.substring(systemId.lastIndexOf('/') + 1);
                URL url = VxmlSchema.class.getResource(DIR + file);
                if (url == null) throw new IllegalStateException("no local copy of " + systemId);
                LSInput input = ls.createLSInput();
                input.setSystemId(url.toExternalForm());
                input.setByteStream(open(url));
                return input;
            });
            URL main = VxmlSchema.class.getResource(DIR + "vxml.xsd");
            return factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the VoiceXML 2.1 schema: " + e, e);
        }
    }

    private static InputStream open(URL url) {
        try {
            return url.openStream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
