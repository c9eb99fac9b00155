package org.ivrgateway.web;

import java.util.OptionalInt;
import org.eclipse.jetty.http.HttpException;

/**
 * Failures that are the client's: Jetty's refusal of a request it cannot decode (a query string with
 * {@code %FF}, a malformed form body, a URI too long) carries its 4xx status. The REST API and the console
 * answer them with that status and a fixed sentence, and log nothing: they are not incidents
 * (docs/RELIABILITY.md).
 */
public final class ClientErrors {
    /** The whole answer to such a request; the exception's own text is never sent. */
    public static final String MESSAGE = "the request could not be decoded (check its URL encoding and its body)";

    private ClientErrors() {
    }

    /** The 4xx status when {@code e}, or one of its causes, is a client error Jetty recognised. */
    public static OptionalInt status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) return OptionalInt.of(h.getCode());
        }
        return OptionalInt.empty();
    }
}
