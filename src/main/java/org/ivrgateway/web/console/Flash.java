package org.ivrgateway.web.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one-time message a form post leaves for the page it redirects to (Post/Redirect/Get). It travels in a
 * cookie rather than in server memory, so the page may be served by another node.
 */
public record Flash(boolean error, String text) {
    private static final String COOKIE = "console-flash";

    static Flash error(String text) {
        return new Flash(true, text);
    }

    static Flash notice(String text) {
        return new Flash(false, text);
    }

    void leave(HttpServletRequest request, HttpServletResponse response) {
        String value = (error ? "e" : "n") + URLEncoder.encode(text, StandardCharsets.UTF_8);
        response.addCookie(cookie(request, value, -1));
    }

    /** The message left for this page, if any, and forgotten at once. */
    static Flash take(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() == null) return null;
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() > 1) {
                response.addCookie(cookie(request, "", 0));
                String text = URLDecoder.decode(c.getValue().substring(1), StandardCharsets.UTF_8);
                return new Flash(c.getValue().charAt(0) == 'e', text);
            }
        }
        return null;
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath() + "/console");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
