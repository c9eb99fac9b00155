package org.ivrgateway.api;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure, told the same way by every edge that answers (the invoker's -305, the gateway's
 * -305 document, REST's 500, a console page): a new id, logged at error level with what failed and the
 * stack trace under this class's logger, and the text {@code incident <id>} for the answer, which carries
 * nothing of the exception. docs/ARCHITECTURE.md, "Exceptions stop at the edge".
 */
public final class Incident {
    private static final Logger LOG = LoggerFactory.getLogger(Incident.class);

    private Incident() {
    }

    /** Logs {@code failure} with a new incident id and {@code what} failed; returns {@code "incident <id>"}. */
    public static String log(String what, Throwable failure) {
        String id = UUID.randomUUID().toString();
        LOG.error("incident {}: {}", id, what, failure);
        return "incident " + id;
    }
}
