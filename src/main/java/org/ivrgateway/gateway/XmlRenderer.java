package org.ivrgateway.gateway;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.ivrgateway.api.Result;

/**
 * {@code /xml/{Function}}, for VoiceXML {@code <data>}: {@code <result function="Enqueue"><ReturnCode>0</ReturnCode>
 * <EstimatedWait>12</EstimatedWait>…</result>}, one element per output under its guide name, and a
 * {@code <detail>} when the result has one. Characters XML 1.0 cannot carry become U+FFFD.
 */
final class XmlRenderer implements Renderer {
    private static final JAXBContext JAXB;

    static {
        try {
            JAXB = JAXBContext.newInstance(Document.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @XmlRootElement(name = "result")
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Document {
        @XmlAttribute
        String function;
        @XmlElement(name = "ReturnCode")
        int returnCode;
        @XmlAnyElement(lax = true)
        List<JAXBElement<?>> values = new ArrayList<>();
        @XmlElement
        String detail;
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public String render(Result result) {
        Document doc = new Document();
        doc.function = result.function().guideName();
        doc.returnCode = result.returnCode();
        for (Map.Entry<String, Object> e : ResultSpellings.outputs(result).entrySet()) {
            doc.values.add(element(e.getKey(), e.getValue()));
        }
        doc.detail = result.detail() == null ? null : xmlSafe(result.detail());
        try {
            Marshaller m = JAXB.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            m.marshal(doc, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal the result of " + doc.function, e);
        }
    }

    private static JAXBElement<?> element(String name, Object value) {
        QName q = new QName(name);
        if (value instanceof Integer i) return new JAXBElement<>(q, Integer.class, i);
        return new JAXBElement<>(q, String.class, xmlSafe(String.valueOf(value)));
    }

    /** Replaces what XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/FFFF). */
    static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            out.appendCodePoint(ok ? cp : 0xFFFD);
        });
        return out.toString();
    }
}
