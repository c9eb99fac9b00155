package org.ivrgateway.web.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.ivrgateway.config.AccessConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.security.AuditLog;
import org.ivrgateway.security.Credentials;
import org.ivrgateway.security.Principal;
import org.ivrgateway.security.SignIns;
import org.ivrgateway.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the web layer needs to know who is asking (docs/SECURITY.md): the configured people and machines,
 * the sign-ins and the audit log, and the request attributes through which {@link AccessFilter} tells the
 * servlets behind it who the requester is.
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    /** The console's sign-in cookie. */
    public static final String COOKIE = "ivr_console";
    /** The form field that carries the console's CSRF token. */
    public static final String CSRF_FIELD = "csrf";
    static final String PRINCIPAL_ATTRIBUTE = "org.ivrgateway.auth.principal";
    static final String CSRF_ATTRIBUTE = "org.ivrgateway.auth.csrf";
    static final String REFUSED_ATTRIBUTE = "org.ivrgateway.auth.refused";
    static final String AUDITED_ATTRIBUTE = "org.ivrgateway.auth.audited";

    private final CenterConfig config;
    private final Credentials credentials;
    private final SignIns signIns;
    private final AuditLog audit;

    private Access(CenterConfig config, Credentials credentials, SignIns signIns, AuditLog audit) {
        this.config = config;
        this.credentials = credentials;
        this.signIns = signIns;
        this.audit = audit;
    }

    public static Access create(CenterConfig config, Database db, Clock clock) {
        Credentials credentials = new Credentials(config);
        if (credentials.admitsNobody()) {
            LOG.warn("no users and no access.tokens are configured: the console and the REST API admit nobody"
                    + " (see docs/SECURITY.md to add them)");
        }
        Duration idle = Duration.ofMinutes(config.access().console().idleMinutes());
        return new Access(config, credentials, new SignIns(db, clock, idle), new AuditLog(db, clock));
    }

    public CenterConfig config() {
        return config;
    }

    public Credentials credentials() {
        return credentials;
    }

    public SignIns signIns() {
        return signIns;
    }

    public AuditLog audit() {
        return audit;
    }

    public AccessConfig.Console console() {
        return config.access().console();
    }

    /** Who {@link AccessFilter} found the request to come from; null for anonymous requests to public paths. */
    public static Principal principal(HttpServletRequest request) {
        return (Principal) request.getAttribute(PRINCIPAL_ATTRIBUTE);
    }

    /** The CSRF token the console's forms must carry for this requester; empty for bearer-token requesters. */
    public static String csrf(HttpServletRequest request) {
        Object token = request.getAttribute(CSRF_ATTRIBUTE);
        return token == null ? "" : token.toString();
    }

    /** A console page refused what was asked (the audit log records the message with the request). */
    public static void refused(HttpServletRequest request, String message) {
        request.setAttribute(REFUSED_ATTRIBUTE, message);
    }

    /** The page wrote its own audit entry (sign-in, sign-out); the filter adds none. */
    public static void audited(HttpServletRequest request) {
        request.setAttribute(AUDITED_ATTRIBUTE, Boolean.TRUE);
    }

    /** The value of the sign-in cookie, or null. */
    public static String signInCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) return c.getValue();
        }
        return null;
    }

    /** The sign-in cookie: HttpOnly, SameSite=Strict, Secure over TLS; {@code value} null ends it. */
    public static Cookie cookie(HttpServletRequest request, String value) {
        Cookie c = new Cookie(COOKIE, value == null ? "" : value);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSecure(request.isSecure());
        c.setAttribute("SameSite", "Strict");
        c.setMaxAge(value == null ? 0 : -1);
        return c;
    }
}
