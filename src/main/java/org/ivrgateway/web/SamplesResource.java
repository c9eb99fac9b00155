package org.ivrgateway.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the sample VoiceXML applications from the jar's copy of {@code samples/} at {@code /samples/*}, so a
 * voice platform can point at {@code http://gateway/samples/ivr-hold.vxml} directly; their relative
 * {@code ../vxml/...} subdialogs then reach this gateway. Only VoiceXML, XML and SRGS grammar files are
 * served (the demo configuration next to them is not); anything else is 404.
 */
public final class SamplesResource extends HttpServlet {
    /** Where the pom packs the samples on the classpath. */
    static final String ROOT = "samples/";
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            ".vxml", "application/voicexml+xml",
            ".grxml", "application/srgs+xml",
            ".xml", "application/xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        String type = SAFE_PATH.matcher(path).matches() && !path.contains("..") ? typeOf(path) : null;
        InputStream in = type == null ? null : SamplesResource.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND,
                    "no sample '" + path + "': samples are the .vxml, .xml and .grxml files of samples/");
            return;
        }
        try (in) {
            response.setContentType(type);
            response.setCharacterEncoding("UTF-8");
            // Samples change with the jar only, but a platform should not keep a stale copy after an upgrade.
            response.setHeader("Cache-Control", "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }

    private static String typeOf(String path) {
        return TYPES.entrySet().stream().filter(e -> path.endsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
