package org.ivrgateway.web.console;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.config.AccessConfig;
import org.ivrgateway.config.Role;
import org.ivrgateway.security.AuditLog;
import org.ivrgateway.security.Principal;
import org.ivrgateway.security.SignIns;
import org.ivrgateway.web.auth.Access;
import org.ivrgateway.web.auth.AccessFilter;

/**
 * {@code /console/signin} (docs/SECURITY.md): a name and a password checked against the configured hash;
 * a sign-in cookie (HttpOnly, SameSite=Strict, Secure over TLS) on success. Failed sign-ins are recorded
 * in the audit log, and after {@code access.console.maxFailedSignIns} of them within
 * {@code access.console.lockoutMinutes}, for one name or from one address, sign-ins are refused (429)
 * until the pause is over, without looking at the password.
 */
final class SignInPage implements Page {
    private final Access access;

    SignInPage(Access access) {
        this.access = access;
    }

    /** Where a requester's console starts: an agent at its own desktop, others at the wallboard. */
    static String home(Principal who) {
        if (who != null && who.role() == Role.AGENT) return "/agent" + Exchange.query("id", who.agentId());
        return "/wallboard";
    }

    @Override
    public void get(Exchange x) throws IOException {
        show(x, 200, null, x.param("next"), "");
    }

    @Override
    public void post(Exchange x) throws IOException {
        Access.audited(x.request);
        String name = x.param("name");
        String password = x.request.getParameter("password");
        String source = x.request.getRemoteAddr();
        String next = x.param("next");
        if (!AccessFilter.sameOrigin(x.request)) {
            show(x, 403, "This sign-in form was sent from another site.", next, name);
            return;
        }
        AccessConfig.Console rules = access.console();
        Duration window = Duration.ofMinutes(rules.lockoutMinutes());
        if (access.audit().refusedSignIns(name, source, window) >= rules.maxFailedSignIns()) {
            x.response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
            show(x, 429, "Too many failed sign-ins for this name or from this address: wait "
                    + rules.lockoutMinutes() + " minutes, then try again.", next, name);
            return;
        }
        Optional<Principal> who = access.credentials().signIn(name, password);
        if (who.isEmpty()) {
            access.audit().record(name == null ? "" : name, "", source, AuditLog.SIGN_IN_REFUSED, "", 401,
                    "wrong name or password");
            show(x, 401, "Wrong name or password.", next, name);
            return;
        }
        SignIns.Started started = access.signIns().start(who.get().name());
        x.response.addCookie(Access.cookie(x.request, started.secret()));
        access.audit().record(who.get().name(), who.get().role().key(), source, AuditLog.SIGN_IN, "", 303, null);
        x.response.setStatus(303);
        x.response.setHeader("Location", x.base() + (safe(next) ? next.substring("/console".length()) : home(who.get())));
    }

    /** Only a path of this console is a place to go back to after signing in (no open redirect). */
    private static boolean safe(String next) {
        return next != null && next.startsWith("/console/") && !next.startsWith("/console/signin")
                && !next.contains("//") && !next.contains("\\") && next.chars().noneMatch(ch -> ch < 0x20);
    }

    private static void show(Exchange x, int status, String problem, String next, String name) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("problem", problem);
        model.put("next", next == null ? "" : next);
        model.put("name", name == null ? "" : name);
        x.render(status, "signin", null, model);
    }
}
