package org.ivrgateway.samples.interpreter;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.SAXParserFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Fetches documents as a browser does: GET with the values in the query, or POST as a form; one cookie jar
 * for the whole call; every answer must be a VoiceXML document valid against the W3C schema, else the
 * fetch fails with {@code error.badfetch} (a browser would be less strict; the tests want to know).
 */
final class DocumentLoader {
    static final String LINE = "line";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(FETCH_TIMEOUT).build();

    /** A document, or why there is none as a VoiceXML event. */
    sealed interface Fetch {
    }

    record Loaded(VxmlDocument document) implements Fetch {
    }

    record Failed(String event, String message) implements Fetch {
    }

    Fetch fetch(URI uri, String method, Map<String, String> params) {
        URI target = VxmlDocument.withoutFragment(uri);
        String form = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        boolean post = "post".equalsIgnoreCase(method);
        HttpRequest.Builder request;
        if (post) {
            request = HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            String sep = target.getRawQuery() == null ? "?" : "&";
            request = HttpRequest.newBuilder(form.isEmpty() ? target : URI.create(target + sep + form)).GET();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(FETCH_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Failed("error.badfetch", target + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("error.badfetch", target + ": interrupted");
        }
        if (response.statusCode() != 200) {
            return new Failed("error.badfetch.http." + response.statusCode(), target + ": HTTP " + response.statusCode());
        }
        return parse(target, response.body());
    }

    static Fetch parse(URI uri, String body) {
        List<String> problems = VxmlSchema.problems(body);
        if (!problems.isEmpty()) {
            return new Failed("error.badfetch", uri + " is not valid VoiceXML 2.1: " + problems);
        }
        try {
            return new Loaded(new VxmlDocument(uri, LineNumberedDom.parse(body).getDocumentElement()));
        } catch (Exception e) {
            return new Failed("error.badfetch", uri + ": " + e.getMessage());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A namespace-aware DOM whose elements carry their source line (user data {@link #LINE}). */
    private static final class LineNumberedDom {
        static Document parse(String xml) throws Exception {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            factory.newSAXParser().parse(new InputSource(new StringReader(xml)), new DomBuilder(doc));
            return doc;
        }
    }
}
