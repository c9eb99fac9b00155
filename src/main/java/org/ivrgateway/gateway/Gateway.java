package org.ivrgateway.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
    private final VxmlDocuments vxml;
    private final MeterRegistry registry;

    private Gateway(IvrApi api, VxmlDocuments vxml, MeterRegistry registry) {
        this.api = api;
        this.vxml = vxml;
        this.registry = registry;
    }

    /** {@link #create(IvrApi, Path, MeterRegistry)} with the gateway's own metrics kept to itself. */
    public static Gateway create(IvrApi api, Path templatesDirOrNull) {
        return create(api, templatesDirOrNull, new SimpleMeterRegistry());
    }

    /**
     * @param templatesDirOrNull a directory of templates overriding the built-in ones file by file, or
     *     null for the built-in templates of the jar
     * @param registry where the gateway's own metrics go (request parameters it ignored, by function)
     * @throws BrokenTemplateException naming the file, when a template cannot be read or does not render
     *     a well-formed VoiceXML document
     */
    public static Gateway create(IvrApi api, Path templatesDirOrNull, MeterRegistry registry) {
        VxmlTemplates templates = VxmlTemplates.load(templatesDirOrNull);
        VxmlDocuments renderer = new VxmlDocuments(templates);
        TemplateCheck.verify(templates, renderer);
        return new Gateway(api, renderer, registry);
    }

    public void install(ServletContextHandler context) {
        // Forms are read by FormReader; these bound what Jetty itself parses (multipart parts, and forms
        // read by any other servlet of the context).
        context.setMaxFormContentSize(Limits.MAX_BODY_BYTES);
        context.setMaxFormKeys(Limits.MAX_FIELDS);
        RequestBinder binder = new RequestBinder(registry);
        add(context, VXML_PATH, new FunctionServlet(api, binder, new VxmlResultRenderer(vxml), vxml));
        add(context, XML_PATH, new FunctionServlet(api, binder, new XmlRenderer(), null));
        add(context, JSON_PATH, new FunctionServlet(api, binder, new JsonRenderer(), null));
    }

    private static void add(ServletContextHandler context, String prefix, FunctionServlet servlet) {
        // Bodies, multipart/form-data included, are read by FormReader, not by the servlet API.
        context.addServlet(new ServletHolder(servlet), prefix + "/*");
    }
}
