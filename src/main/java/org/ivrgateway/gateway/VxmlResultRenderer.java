package org.ivrgateway.gateway;

import java.util.stream.Collectors;
import org.ivrgateway.api.Result;

/**
 * The VoiceXML renderer: the templates, and for the case where a template fails at run time a fixed
 * document with the same variables, so the caller still reads a ReturnCode (-305) rather than a 5xx.
 */
final class VxmlResultRenderer implements Renderer {
    private final VxmlDocuments templates;

    VxmlResultRenderer(VxmlDocuments templates) {
        this.templates = templates;
    }

    @Override
    public String mediaType() {
        return VxmlDocuments.MEDIA_TYPE;
    }

    @Override
    public String render(Result result) {
        return templates.result(result);
    }

    @Override
    public String fallback(Result result) {
        var variables = VxmlDocuments.variables(result);
        String vars = variables.stream()
                .map(v -> "    <var name=\"" + v.name() + "\" expr=\"" + v.expr().replace("'", "&apos;") + "\"/>\n")
                .collect(Collectors.joining());
        String namelist = variables.stream().map(ResultVariable::name).collect(Collectors.joining(" "));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vxml version=\"2.1\" xmlns=\"http://www.w3.org/2001/vxml\">\n"
                + "  " + XmlComment.of(result.detail()) + "\n"
                + "  <form id=\"result\">\n" + vars
                + "    <block>\n      <return namelist=\"" + namelist + "\"/>\n    </block>\n  </form>\n</vxml>\n";
    }
}
