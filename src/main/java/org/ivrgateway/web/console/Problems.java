package org.ivrgateway.web.console;

import java.util.UUID;
import org.ivrgateway.api.IvrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure into a sentence for the page: the API's own message and code, or an incident id. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static String describe(RuntimeException e) {
        if (e instanceof IvrException ivr) {
            String message = ivr.getMessage() == null ? ivr.code().meaning() : ivr.getMessage();
            return message + " (code " + ivr.code().code() + ")";
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("console incident {}", incident, e);
        return "An unexpected error occurred (incident " + incident + " in the server log).";
    }
}
