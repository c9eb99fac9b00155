package org.ivrgateway.web.console;

import java.io.IOException;

/** One console page: what it shows, and what its forms do. */
interface Page {

    void get(Exchange x) throws IOException;

    /** A form post; answers with a redirect (Post/Redirect/Get). Failures are reported by the caller. */
    default void post(Exchange x) throws IOException {
        x.response.sendError(405);
    }

    /** Where the browser goes back to after a post that failed, so the message shows next to its form. */
    default String back(Exchange x) {
        return "/" + x.page();
    }
}
