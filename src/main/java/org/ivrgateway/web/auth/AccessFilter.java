package org.ivrgateway.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.InetAddressSet;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.security.AccessRules;
import org.ivrgateway.security.AccessRules.Area;
import org.ivrgateway.security.Digests;
import org.ivrgateway.security.Principal;
import org.ivrgateway.security.SignIns;
import org.ivrgateway.web.rest.ErrorBody;
import org.ivrgateway.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access layer in front of every servlet (docs/SECURITY.md), in this order: the {@code Host} header
 * must name this server (DNS rebinding), the security headers go on every answer, the requester is
 * identified (bearer token, sign-in cookie, VoiceXML platform), the first rule of {@link AccessRules}
 * that fits the request decides, a console form posted from a sign-in must carry its CSRF token and come
 * from this origin, a REST body must be JSON; and after the answer, a change is written to the audit log.
 */
public final class AccessFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    /** Larger than the REST layer's own limit, so that it, not this filter, refuses a large body. */
    private static final int BODY_LIMIT = 64 * 1024 + 1;
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Access access;
    private final Set<String> hostNames = new HashSet<>();
    private final InetAddressSet vxmlAllow = new InetAddressSet();

    public AccessFilter(Access access) {
        this.access = access;
        CenterConfig config = access.config();
        hostNames.addAll(Set.of("localhost", "127.0.0.1", "::1"));
        String bind = config.server().host().toLowerCase(Locale.ROOT);
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) hostNames.add(bind);
        config.server().names().forEach(n -> hostNames.add(n.toLowerCase(Locale.ROOT)));
        config.access().vxml().allow().forEach(vxmlAllow::add);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers(request, response);
        if (!knownHost(request.getHeader("Host"))) {
            plain(response, 421, "This server does not answer to the host name " + request.getHeader("Host")
                    + "; see server.names in docs/SECURITY.md.");
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty()) path = "/";
        String method = request.getMethod();
        AccessRules.Match match = AccessRules.match(method, path);
        switch (match.area()) {
            case PUBLIC -> chain.doFilter(request, response);
            case VXML -> vxml(request, response, chain);
            case METRICS -> metrics(request, response, chain, match);
            case CONSOLE -> console(request, response, chain, match, method, path);
            case REST -> rest(request, response, chain, match, method, path);
            case OTHER -> other(request, response, chain, match);
        }
    }

    /** A path no rule names: administrators reach whatever answers there; anybody else gets 404. */
    private void other(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                       AccessRules.Match match) throws IOException, ServletException {
        Optional<Principal> who = request.getHeader("Authorization") != null ? bearer(request)
                : access.signIns().find(Access.signInCookie(request)).flatMap(s -> access.credentials().user(s.userName()));
        if (who.isPresent() && match.allows(who.get(), NO_FACTS)) {
            request.setAttribute(Access.PRINCIPAL_ATTRIBUTE, who.get());
            chain.doFilter(request, response);
            return;
        }
        plain(response, 404, "Not found.");
    }

    private static void headers(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }

    private boolean knownHost(String host) {
        if (host == null) return true;
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(1, end);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        return hostNames.contains(h);
    }

    // --- VoiceXML platforms ---

    private void vxml(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!vxmlAllow.test(address(request))) {
            plain(response, 403, "This address may not use the VoiceXML API (access.vxml.allow).");
            return;
        }
        if (access.credentials().platformsNeedBasic()) {
            String[] basic = basic(request.getHeader("Authorization"));
            if (basic == null || !access.credentials().platform(basic[0], basic[1])) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"ivr-gateway VoiceXML\", charset=\"UTF-8\"");
                plain(response, 401, "The VoiceXML API needs the platform's basic credentials (access.vxml.basic).");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- /metrics ---

    private void metrics(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                         AccessRules.Match match) throws IOException, ServletException {
        Optional<Principal> who = bearer(request);
        boolean wrongToken = who.isEmpty() && hasBearer(request);
        InetAddress from = address(request);
        if (!wrongToken && (from != null && from.isLoopbackAddress() || match.allows(who.orElse(null), NO_FACTS))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"ivr-gateway\"");
        if (who.isPresent()) plain(response, 403, "/metrics is for supervisors and administrators.");
        else plain(response, 401, "/metrics needs a supervisor's or administrator's token, or a request from this machine.");
    }

    // --- the console ---

    private void console(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                         AccessRules.Match match, String method, String path) throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        Principal who;
        String csrf = null;
        if (request.getHeader("Authorization") != null) {
            Optional<Principal> token = bearer(request);
            if (token.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"ivr-gateway\"");
                page(response, 401, "Not signed in", "The token presented is not known here.");
                return;
            }
            who = token.get();
            if (!who.seesEverything()) {
                page(response, 403, "Not for this token",
                        "Only a supervisor's or administrator's token opens the console; people sign in.");
                audit(request, who, method, path, 403, "refused: token of role " + who.role().key());
                return;
            }
        } else {
            Optional<SignIns.SignIn> signIn = access.signIns().find(Access.signInCookie(request));
            Optional<Principal> person = signIn.flatMap(s -> access.credentials().user(s.userName()));
            if (person.isEmpty()) {
                String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                String next = method.equals("GET") ? "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8) : "";
                response.setStatus(303);
                response.setHeader("Location", request.getContextPath() + "/console/signin" + next);
                return;
            }
            who = person.get();
            csrf = signIn.get().csrf();
        }
        request.setAttribute(Access.PRINCIPAL_ATTRIBUTE, who);
        if (csrf != null) request.setAttribute(Access.CSRF_ATTRIBUTE, csrf);
        boolean change = CHANGES.contains(method);
        if (change && !sameOrigin(request)) {
            page(response, 403, "Refused", "This form was sent from another site (Origin " + request.getHeader("Origin") + ").");
            audit(request, who, method, path, 403, "refused: cross-origin form");
            return;
        }
        if (change && csrf != null && !Digests.same(csrf, request.getParameter(Access.CSRF_FIELD))) {
            page(response, 403, "Refused", "This form is out of date or was not sent from this console; reload the page and try again.");
            audit(request, who, method, path, 403, "refused: missing or wrong CSRF token");
            return;
        }
        if (!match.allows(who, formFacts(request, match))) {
            page(response, 403, "Not allowed", "Signed in as " + who.name() + " (" + who.role().key()
                    + "): this page or action is not open to that role.");
            if (change) audit(request, who, method, path, 403, "refused: not allowed for role " + who.role().key());
            return;
        }
        chain.doFilter(request, response);
        if (change) audit(request, who, method, path, response.getStatus(), (String) request.getAttribute(Access.REFUSED_ATTRIBUTE));
    }

    /** Whether a form post came from this server's own pages: an {@code Origin}, when sent, names this host. */
    public static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) return true;
        String expected = (request.isSecure() ? "https://" : "http://") + request.getHeader("Host");
        return origin.equalsIgnoreCase(expected);
    }

    private static AccessRules.Facts formFacts(HttpServletRequest request, AccessRules.Match match) {
        return new Facts(match.variables(), name -> {
            String v = request.getParameter(name);
            return v == null || v.isBlank() ? null : v.strip();
        }, name -> null);
    }

    // --- REST ---

    private void rest(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                      AccessRules.Match match, String method, String path) throws IOException, ServletException {
        Optional<Principal> token = bearer(request);
        if (token.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ivr-gateway\"");
            json(response, 401, hasBearer(request) ? "the token presented is not known here"
                    : "authentication required: send Authorization: Bearer <token> (docs/SECURITY.md)");
            return;
        }
        Principal who = token.get();
        request.setAttribute(Access.PRINCIPAL_ATTRIBUTE, who);
        boolean change = CHANGES.contains(method);
        BufferedRequest buffered = change ? BufferedRequest.of(request, BODY_LIMIT) : null;
        if (!match.allows(who, jsonFacts(buffered, match))) {
            json(response, 403, who.name() + " (" + who.role().key() + ") may not " + method + " " + path);
            if (change) audit(request, who, method, path, buffered.text(), 403, "refused: not allowed for role " + who.role().key());
            return;
        }
        if (buffered != null && buffered.body().length > 0 && !isJson(request.getContentType())) {
            json(response, 415, "the body must be application/json, not " + request.getContentType());
            audit(request, who, method, path, buffered.text(), 415, "refused: body not JSON");
            return;
        }
        chain.doFilter(buffered == null ? request : buffered, response);
        if (change) audit(request, who, method, path, buffered.text(), response.getStatus(), null);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private static AccessRules.Facts jsonFacts(BufferedRequest body, AccessRules.Match match) {
        return new Facts(match.variables(), name -> null, name -> {
            if (body == null || body.body().length == 0) return null;
            try {
                JsonNode node = Json.MAPPER.readTree(body.body());
                JsonNode field = node == null ? null : node.get(name);
                return field == null || !field.isTextual() ? null : field.asText();
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static final AccessRules.Facts NO_FACTS = new Facts(Map.of(), name -> null, name -> null);

    /** What the rules' conditions may look at: the path's variables, and form fields or JSON fields by name. */
    private record Facts(Map<String, String> variables, UnaryOperator<String> params, UnaryOperator<String> json)
            implements AccessRules.Facts {
        @Override
        public String variable(String name) {
            return variables.get(name);
        }

        @Override
        public String param(String name) {
            return params.apply(name);
        }

        @Override
        public String jsonField(String name) {
            return json.apply(name);
        }
    }

    // --- who is asking ---

    private Optional<Principal> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return access.credentials().bearer(header.substring(7));
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && !header.isBlank();
    }

    private static InetAddress address(HttpServletRequest request) {
        // The servlet container gives the peer's address as a literal, so this looks nothing up.
        try {
            return InetAddress.getByName(request.getRemoteAddr());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // --- the audit log ---

    private void audit(HttpServletRequest request, Principal who, String method, String path, int status, String outcome) {
        if (request.getAttribute(Access.AUDITED_ATTRIBUTE) != null) return;
        Map<String, String> fields = new TreeMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!k.equals(Access.CSRF_FIELD) && !k.toLowerCase(Locale.ROOT).contains("password")) {
                fields.put(k, String.join(",", v));
            }
        });
        audit(request, who, method, path, fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")), status, outcome);
    }

    private void audit(HttpServletRequest request, Principal who, String method, String path, String detail,
                       int status, String outcome) {
        try {
            access.audit().record(who.name(), who.role().key(), request.getRemoteAddr(), method + " " + path, detail,
                    status, outcome);
        } catch (RuntimeException e) {
            LOG.warn("audit log: cannot record {} {} by {}: {}", method, path, who.name(), e.getMessage());
        }
    }

    // --- answers ---

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Json.CONTENT_TYPE);
        Json.MAPPER.writeValue(response.getOutputStream(), new ErrorBody(message, null));
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(message + "\n");
    }

    private static void page(HttpServletResponse response, int status, String title, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · ivr-gateway console</title><link rel=\"stylesheet\" href=\"/console/static/console.css\"></head>"
                + "<body><main id=\"main\"><h1>" + escape(title) + "</h1><p id=\"problem\">" + escape(message)
                + "</p><p><a href=\"/console/signin\">Sign in</a> · <a href=\"/console/\">Console</a></p></main></body></html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
