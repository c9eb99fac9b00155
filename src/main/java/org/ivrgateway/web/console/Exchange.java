package org.ivrgateway.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.ivrgateway.security.Principal;
import org.ivrgateway.web.auth.Access;

/** One request to a console page: its parameters, and the ways to answer it (a page, a fragment, a redirect). */
final class Exchange {
    final HttpServletRequest request;
    final HttpServletResponse response;
    private final Templates templates;
    private final Labels labels;
    private final String page;

    Exchange(HttpServletRequest request, HttpServletResponse response, Templates templates, Labels labels, String page) {
        this.request = request;
        this.response = response;
        this.templates = templates;
        this.labels = labels;
        this.page = page;
    }

    String page() {
        return page;
    }

    /** Who is asking (docs/SECURITY.md); null on the public sign-in page. */
    Principal principal() {
        return Access.principal(request);
    }

    /** The parameter, trimmed; null when absent or blank. */
    String param(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String required(String name, String label) {
        String value = param(name);
        if (value == null) throw new IllegalArgumentException(label + " is required.");
        return value;
    }

    /** The console's address, to build links with. */
    String base() {
        return request.getContextPath() + "/console";
    }

    /** Post/Redirect/Get: after a form post, send the browser to {@code path} (under /console) with a message. */
    void redirect(String path, Flash flash) throws IOException {
        if (flash != null) flash.leave(request, response);
        response.sendRedirect(base() + path);
    }

    static String query(String name, String value) {
        return "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Renders {@code template}, or only its live part when the page's script asks for {@code ?fragment=live}
     * (the message of a post is for the whole page only).
     */
    void render(int status, String template, Snapshot snapshot, Map<String, Object> model) throws IOException {
        boolean live = "live".equals(request.getParameter("fragment"));
        Map<String, Object> all = new HashMap<>(model);
        all.put("base", base());
        all.put("page", page);
        all.put("fmt", labels);
        all.put("now", labels.now());
        all.put("snapshot", snapshot);
        all.put("version", snapshot == null ? "" : snapshot.version());
        all.put("flash", live ? null : Flash.take(request, response));
        Principal who = principal();
        all.put("user", who == null ? null : who.name());
        all.put("role", who == null ? null : who.role().key());
        all.put("csrf", Access.csrf(request));
        String html = templates.render(template, live ? "live" : null, all);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.getWriter().write(html);
    }
}
