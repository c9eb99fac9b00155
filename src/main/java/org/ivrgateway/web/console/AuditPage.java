package org.ivrgateway.web.console;

import java.io.IOException;
import java.util.Map;
import org.ivrgateway.security.AuditLog;

/** {@code /console/audit}, for administrators: the latest entries of the audit log (docs/SECURITY.md). */
final class AuditPage implements Page {
    static final int LIMIT = 200;
    private final AuditLog audit;

    AuditPage(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void get(Exchange x) throws IOException {
        x.render(200, "audit", null, Map.of("entries", audit.recent(LIMIT), "limit", LIMIT));
    }
}
