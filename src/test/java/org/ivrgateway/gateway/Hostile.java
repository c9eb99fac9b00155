package org.ivrgateway.gateway;

/** Values that would break a careless gateway: quotes, backslash, markup, script, line breaks, scripts. */
final class Hostile {
    /**
     * Every trap at once, within the 128 characters of SetContactData's Value: quotes, backslash, {@code <},
     * {@code &}, a CDATA end, a closing var tag, a string-splice injection, CR/LF, U+2028, an emoji (a
     * surrogate pair) and Arabic text.
     */
    static final String VALUE = "'\"\\<&]]></var>'+x+'\r\n\u2028\uD83D\uDE00 مرحبا بالعالم";

    private Hostile() {
    }
}
