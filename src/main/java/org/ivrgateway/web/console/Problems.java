package org.ivrgateway.web.console;

import org.ivrgateway.api.Incident;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.store.StoreException;
import org.ivrgateway.web.StoreFailures;

/** Turns a failure into a sentence for the page: the API's own message and code, or an incident id. */
final class Problems {
    private Problems() {
    }

    static String describe(RuntimeException failure) {
        RuntimeException e = failure instanceof StoreException s ? StoreFailures.answer(s) : failure;
        if (e instanceof IvrException ivr) {
            String message = ivr.getMessage() == null ? ivr.code().meaning() : ivr.getMessage();
            return message + " (code " + ivr.code().code() + ")";
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "An unexpected error occurred (" + Incident.log("a console page", failure) + " in the server log).";
    }
}
