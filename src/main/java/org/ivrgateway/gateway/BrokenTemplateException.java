package org.ivrgateway.gateway;

/** A VoiceXML template that cannot be read or does not render to a well-formed VoiceXML document. */
public final class BrokenTemplateException extends RuntimeException {
    public BrokenTemplateException(String template, String problem, Throwable cause) {
        super("Broken VoiceXML template " + template + ": " + problem, cause);
    }
}
