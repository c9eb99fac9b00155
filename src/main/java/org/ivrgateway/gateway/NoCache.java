package org.ivrgateway.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes a rendered body with the headers every answer of the gateway carries (docs/VXML.md, "Returned variables"). */
final class NoCache {
    /** A browser or proxy must never answer a later fetch from a cache: every call is an action. */
    static final Map<String, String> HEADERS = Map.of("Cache-Control", "no-cache, no-store", "Pragma", "no-cache",
            "Expires", "Thu, 01 Jan 1970 00:00:00 GMT");

    private NoCache() {
    }

    static void write(HttpServletResponse response, String mediaType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType + ";charset=UTF-8");
        HEADERS.forEach(response::setHeader);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
