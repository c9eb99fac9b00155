package org.ivrgateway.samples.interpreter;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The W3C VoiceXML 2.1 schema from the test resources, loaded offline: the W3C files import
 * {@code http://www.w3.org/2001/xml.xsd}, which is answered with the local copy.
 */
public final class VxmlSchema {
    private static final String DIR = "/vxml-2.1-schema/";
    private static final Schema SCHEMA = load();

    private VxmlSchema() {
    }

    /** The problems of a document against the schema, each with its line and column; empty when valid. */
    public static List<String> problems(String xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {
            }

            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) problems.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new OfflineResolver());
        URL main = VxmlSchema.class.getResource(DIR + "vxml.xsd");
        try {
            return factory.newSchema(main);
        } catch (SAXException e) {
            throw new IllegalStateException("the VoiceXML schema in " + DIR + " does not load: " + e.getMessage(), e);
        }
    }

    /** Answers every schema location by its file name from the local copy, so nothing is fetched. */
    private static final class OfflineResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) return null;
            String file = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL local = VxmlSchema.class.getResource(DIR + file);
            if (local == null) throw new IllegalStateException("schema file not in " + DIR + ": " + systemId);
            return new LocalInput(local, publicId);
        }
    }

    private record LocalInput(URL url, String publicId) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return url.toExternalForm(); }
        public void setSystemId(String s) { }
        public String getPublicId() { return publicId; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
