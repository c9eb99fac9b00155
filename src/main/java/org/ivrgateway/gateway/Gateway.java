package org.ivrgateway.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;

/**
 * The gateway as the server wires it: {@link #create} reads and checks the VoiceXML templates (failing
 * fast, naming the file, when one is broken) and {@link #install} maps {@code /vxml/*}, {@code /xml/*} and
 * {@code /api/ivr/*} in a servlet context, and {@link #newCallRefusal} gives the edge the answer to a new
 * call it refuses. Blocking calls (QueryCallStatus waits) hold the request's
 * thread, so the server should run Jetty on virtual threads.
 */
public final class Gateway {
    public static final String VXML_PATH = "/vxml";
    public static final String XML_PATH = "/xml";
    public static final String JSON_PATH = "/api/ivr";

    /** The words of a new call refused at the edge (docs/RELIABILITY.md, "Admission control"). */
    public static final String NEW_CALL_REFUSED = "the node is past what it can serve now: take the fallback, or try again";

    /** A whole answer: content type, the headers every answer of the gateway carries, and bytes. */
    public record Document(String mediaType, Map<String, String> headers, byte[] body) {
    }

    private final IvrApi api;
    private final VxmlDocuments vxml;
    private final MeterRegistry registry;
    private final Map<String, Renderer> renderers = new LinkedHashMap<>();
    private final Map<String, Document> refusals = new HashMap<>();

    private Gateway(IvrApi api, VxmlDocuments vxml, MeterRegistry registry) {
        this.api = api;
        this.vxml = vxml;
        this.registry = registry;
        renderers.put(VXML_PATH, new VxmlResultRenderer(vxml));
        renderers.put(XML_PATH, new XmlRenderer());
        renderers.put(JSON_PATH, new JsonRenderer());
        Result refused = Result.failure(IvrFunction.INITIALIZE, ReturnCode.TIMEOUT, NEW_CALL_REFUSED);
        renderers.forEach((prefix, r) -> refusals.put(prefix, new Document(r.mediaType() + ";charset=UTF-8",
                NoCache.HEADERS, r.render(refused).getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The answer to a request at {@code pathInContext} that starts a new call (Initialize, under any of the
     * three prefixes, its name matched as the servlets match it), made once: -701. Empty for any other path.
     */
    public Optional<Document> newCallRefusal(String pathInContext) {
        if (pathInContext == null) return Optional.empty();
        int slash = pathInContext.lastIndexOf('/');
        if (slash <= 0) return Optional.empty();
        Document refusal = refusals.get(pathInContext.substring(0, slash));
        if (refusal == null || IvrFunction.byName(pathInContext.substring(slash + 1))
                .filter(f -> f == IvrFunction.INITIALIZE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(refusal);
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
        renderers.forEach((prefix, r) ->
                add(context, prefix, new FunctionServlet(api, binder, r, prefix.equals(VXML_PATH) ? vxml : null)));
    }

    private static void add(ServletContextHandler context, String prefix, FunctionServlet servlet) {
        // Bodies, multipart/form-data included, are read by FormReader, not by the servlet API.
        context.addServlet(new ServletHolder(servlet), prefix + "/*");
    }
}
