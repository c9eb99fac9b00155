package org.ivrgateway.samples.interpreter;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * A real Jetty on port 0 that answers documents made by the test (the interpreter's own tests; a sample test
 * that serves a site's copy of the samples): each path maps to a function of the request's parameters (query
 * and form, plus "Cookie"); anything else is 404.
 */
public final class DocumentServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, Function<Map<String, String>, String>> routes = new ConcurrentHashMap<>();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public DocumentServer() throws Exception {
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                var route = routes.get(Request.getPathInContext(request));
                if (route == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                Map<String, String> params = new LinkedHashMap<>();
                for (Fields.Field f : Request.getParameters(request)) params.put(f.getName(), f.getValue());
                String cookie = request.getHeaders().get(HttpHeader.COOKIE);
                if (cookie != null) params.put("Cookie", cookie);
                String body = route.apply(params);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/voicexml+xml; charset=UTF-8");
                String setCookie = cookies.get(Request.getPathInContext(request));
                if (setCookie != null) response.getHeaders().add(HttpHeader.SET_COOKIE, setCookie);
                Content.Sink.write(response, true, body, callback);
                return true;
            }
        });
        server.start();
    }

    /** Serves {@code vxml} (the body of a {@code <vxml>} element) at {@code path}. */
    DocumentServer page(String path, String vxml) {
        return route(path, p -> VxmlText.document(vxml));
    }

    public DocumentServer route(String path, Function<Map<String, String>, String> answer) {
        routes.put(path, answer);
        return this;
    }

    /** The answers at {@code path} also set this cookie. */
    DocumentServer setCookie(String path, String cookie) {
        cookies.put(path, cookie);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + connector.getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Wraps document content in a VoiceXML 2.1 {@code <vxml>} element. */
    static final class VxmlText {
        private VxmlText() {
        }

        static String document(String content) {
            return document("", content);
        }

        static String document(String attributes, String content) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vxml version=\"2.1\" xmlns=\"http://www.w3.org/2001/vxml\""
                    + (attributes.isEmpty() ? "" : " " + attributes) + ">\n" + content + "\n</vxml>\n";
        }
    }
}
