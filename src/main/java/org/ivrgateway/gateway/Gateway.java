package org.ivrgateway.gateway;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.ivrgateway.api.IvrApi;

/**
 * The gateway as the server wires it: {@link #create} reads and checks the VoiceXML templates (failing
 * fast, naming the file, when one is broken) and {@link #install} maps {@code /vxml/*}, {@code /xml/*} and
 * {@code /api/ivr/*} in a servlet context. Blocking calls (QueryCallStatus waits) hold the request's
 * thread, so the server should run Jetty on virtual threads.
 */
public final class Gateway {
    public static final String VXML_PATH = "/vxml";
    public static final String XML_PATH = "/xml";
    public static final String JSON_PATH = "/api/ivr";

    private final IvrApi api;
    private final VxmlRenderer vxml;

    private Gateway(IvrApi api, VxmlRenderer vxml) {
        this.api = api;
        this.vxml = vxml;
    }

    /**
     * @param templatesDirOrNull a directory of templates overriding the built-in ones file by file, or
     *     null for the built-in templates of the jar
     * @throws BrokenTemplateException naming the file, when a template cannot be read or does not render
     *     a well-formed VoiceXML document
     */
    public static Gateway create(IvrApi api, Path templatesDirOrNull) {
        VxmlTemplates templates = VxmlTemplates.load(templatesDirOrNull);
        VxmlRenderer renderer = new VxmlRenderer(templates);
        TemplateCheck.verify(templates, renderer);
        return new Gateway(api, renderer);
    }

    public void install(ServletContextHandler context) {
        context.setMaxFormContentSize(Limits.MAX_BODY_BYTES);
        context.setMaxFormKeys(Limits.MAX_PARAMETERS * 4);
        RequestBinder binder = new RequestBinder();
        add(context, VXML_PATH, new FunctionServlet(api, binder, new VxmlResultRenderer(vxml), vxml));
        add(context, XML_PATH, new FunctionServlet(api, binder, new XmlRenderer(), null));
        add(context, JSON_PATH, new FunctionServlet(api, binder, new JsonRenderer(), null));
    }

    private static void add(ServletContextHandler context, String prefix, FunctionServlet servlet) {
        ServletHolder holder = new ServletHolder(servlet);
        // multipart/form-data bodies (CONTRACT §3.2) are parsed in memory, within the same limit as forms.
        holder.getRegistration().setMultipartConfig(new MultipartConfigElement(
                "", Limits.MAX_BODY_BYTES, Limits.MAX_BODY_BYTES, Limits.MAX_BODY_BYTES));
        context.addServlet(holder, prefix + "/*");
    }
}
