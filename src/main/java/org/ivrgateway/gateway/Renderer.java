package org.ivrgateway.gateway;

import org.ivrgateway.api.Result;

/** One of the three answers to a bound invocation: VoiceXML, XML (JAXB) or JSON. */
interface Renderer {
    String mediaType();

    String render(Result result);

    /** The document for when {@link #render} itself failed: made without anything that could fail the same way. */
    default String fallback(Result result) {
        return render(result);
    }
}
