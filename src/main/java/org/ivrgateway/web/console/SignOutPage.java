package org.ivrgateway.web.console;

import java.io.IOException;
import org.ivrgateway.security.AuditLog;
import org.ivrgateway.security.Principal;
import org.ivrgateway.web.auth.Access;

/** {@code POST /console/signout}: ends the sign-in of this browser, in the database, and clears its cookie. */
final class SignOutPage implements Page {
    private final Access access;

    SignOutPage(Access access) {
        this.access = access;
    }

    @Override
    public void get(Exchange x) throws IOException {
        x.response.sendRedirect(x.base() + "/signin");
    }

    @Override
    public void post(Exchange x) throws IOException {
        Access.audited(x.request);
        Principal who = x.principal();
        String secret = Access.signInCookie(x.request);
        if (secret != null) {
            access.signIns().end(secret);
            x.response.addCookie(Access.cookie(x.request, null));
        }
        if (who != null) {
            access.audit().record(who.name(), who.role().key(), x.request.getRemoteAddr(), AuditLog.SIGN_OUT, "", 303, null);
        }
        x.redirect("/signin", Flash.notice("Signed out."));
    }
}
