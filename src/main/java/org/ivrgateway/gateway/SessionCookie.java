package org.ivrgateway.gateway;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The API session in a cookie (docs/VXML.md, "Sessions"): set by a successful Initialize, read when no SessionID is sent. */
final class SessionCookie {
    static final String NAME = "IVRSESSION";

    private SessionCookie() {
    }

    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName()) && !c.getValue().isEmpty()) return c.getValue();
        }
        return null;
    }

    static void set(HttpServletResponse response, String sessionId) {
        Cookie cookie = new Cookie(NAME, sessionId);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
}
