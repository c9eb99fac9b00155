package org.ivrgateway.gateway;

/**
 * ECMAScript literals for values a VoiceXML document hands to the caller.
 *
 * <p>A string literal keeps only letters, digits, space and punctuation that mean nothing to XML or to
 * ECMAScript strings; every other UTF-16 unit (quotes, backslash, {@code < > &}, line breaks, U+2028,
 * non-ASCII) becomes a {@code \}{@code uXXXX} escape. The literal is therefore plain ASCII, cannot end the
 * string, the attribute or the document, and evaluates to the original value unit for unit, whatever
 * charset the browser believes it read.
 */
public final class EcmaScript {
    private static final String SAFE_PUNCTUATION = " !#$%()*+,-./:;=?@[]^_`{|}~";

    private EcmaScript() {
    }

    /** The literal of a result value: Integer as a number, anything else as a string. */
    public static String literal(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return string(value == null ? "" : value.toString());
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSafe(c)) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.append('\'').toString();
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || SAFE_PUNCTUATION.indexOf(c) >= 0;
    }
}
