package org.ivrgateway.gateway;

import java.io.StringReader;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.ParamType;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The start-up check of the templates: each one renders, for every function it serves, a success with a
 * value in every output and a -306 with a comment, and each output must be a well-formed document whose
 * root is VoiceXML's {@code <vxml>}. A broken template stops the server with its file named, rather than
 * failing the first caller.
 */
final class TemplateCheck {
    private static final String VXML_NS = "http://www.w3.org/2001/vxml";

    private TemplateCheck() {
    }

    static void verify(VxmlTemplates templates, VxmlDocuments renderer) {
        for (IvrFunction f : IvrFunction.values()) {
            String origin = templates.resultTemplate(f);
            check(origin, () -> renderer.result(sample(f)));
            check(origin, () -> renderer.result(Result.failure(f, ReturnCode.INVALID_PARAMETER, "start-up check -- <&>")));
            check(templates.collectTemplate(), () -> renderer.collect(f));
        }
    }

    private static Result sample(IvrFunction f) {
        Result r = Result.success(f);
        for (Parameter p : f.outputs()) {
            r = r.with(p.name(), p.type() == ParamType.INTEGER ? (Object) 1 : "'\"<&>]]>\u2028");
        }
        return r;
    }

    private static void check(String origin, Supplier<String> render) {
        String document;
        try {
            document = render.get();
        } catch (RuntimeException e) {
            throw new BrokenTemplateException(origin, e.getMessage(), e);
        }
        try {
            Element root = parser().parse(new InputSource(new StringReader(document))).getDocumentElement();
            if (!"vxml".equals(root.getLocalName()) || !VXML_NS.equals(root.getNamespaceURI())) {
                throw new BrokenTemplateException(origin, "the root element must be <vxml xmlns=\"" + VXML_NS
                        + "\">, was <" + root.getTagName() + ">", null);
            }
        } catch (BrokenTemplateException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokenTemplateException(origin, "renders a document that is not well-formed XML: "
                    + e.getMessage(), e);
        }
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}
