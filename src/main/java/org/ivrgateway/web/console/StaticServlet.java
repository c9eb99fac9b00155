package org.ivrgateway.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /console/static/NAME}: the style sheet and script from {@code webapp/static/} on the classpath. */
final class StaticServlet extends HttpServlet {
    private static final Pattern NAME = Pattern.compile("/([a-z0-9-]+)\\.(css|js|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8", "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml", "png", "image/png");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Matcher m = NAME.matcher(path == null ? "" : path);
        InputStream in = m.matches()
                ? StaticServlet.class.getClassLoader().getResourceAsStream("webapp/static" + path) : null;
        if (in == null) {
            response.sendError(404, "No such file in the console.");
            return;
        }
        try (in) {
            response.setContentType(TYPES.get(m.group(2)));
            response.setHeader("Cache-Control", "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }
}
