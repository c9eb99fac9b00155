package org.ivrgateway.gateway;

/**
 * The text of an XML comment made from a diagnostic (a -306 reason, a -305 incident id). A comment may not
 * contain {@code --} nor end with {@code -}, and XML 1.0 forbids most control characters, so those are
 * replaced; the result can neither close the comment early nor make the document ill-formed.
 */
final class XmlComment {
    static final int MAX_LENGTH = 300;

    private XmlComment() {
    }

    /** The whole comment, {@code <!-- text -->}, or an empty string for no text. */
    static String of(String text) {
        if (text == null || text.isBlank()) return "";
        return "<!-- " + sanitize(text) + " -->";
    }

    static String sanitize(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_LENGTH).forEach(cp -> {
            boolean allowed = cp >= 0x20 && cp != 0x7F && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
            if (!allowed) {
                out.append(' ');
            } else if (cp == '-' && out.length() > 0 && out.charAt(out.length() - 1) == '-') {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        // "of" puts a space before "-->", so a trailing "-" cannot touch it.
        return out.toString().strip();
    }
}
