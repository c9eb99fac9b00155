package org.ivrgateway.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the result variables out of a gateway's VoiceXML answer (CONTRACT §3.4): every
 * {@code <var name="…" expr="…"/>}, its expression turned back into the value the caller would see. Cheap on
 * purpose (a regular expression, no XML parser): the generator's own cost is part of what is measured.
 * {@code micros} is how long the request took, when the client timed it.
 */
record ResultDocument(Map<String, String> values, long micros) {
    private static final Pattern VAR = Pattern.compile("<var\\s([^>]*?)/?>");
    private static final Pattern ATTR = Pattern.compile("(\\w+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    static ResultDocument parse(String document) {
        Map<String, String> values = new HashMap<>();
        Matcher var = VAR.matcher(document);
        while (var.find()) {
            String name = null;
            String expr = null;
            Matcher attr = ATTR.matcher(var.group(1));
            while (attr.find()) {
                String value = attr.group(3) != null ? attr.group(3) : attr.group(4);
                if (attr.group(1).equals("name")) name = value;
                else if (attr.group(1).equals("expr")) expr = value;
            }
            if (name != null) values.put(name, expr == null ? "" : literal(unescapeXml(expr)));
        }
        return new ResultDocument(values, 0);
    }

    /** The same values, with the time the request took (written to answer read), in microseconds. */
    ResultDocument timed(long requestMicros) {
        return new ResultDocument(values, requestMicros);
    }

    /** The ReturnCode, or null when the document carries none (not a result document). */
    Integer returnCode() {
        String rc = values.get("ReturnCode");
        if (rc == null) return null;
        try {
            return Integer.parseInt(rc.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    private static String unescapeXml(String s) {
        if (s.indexOf('&') < 0) return s;
        return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** An ECMAScript number or string literal as its value; anything else as written. */
    private static String literal(String expr) {
        String e = expr.trim();
        if (e.length() < 2 || (e.charAt(0) != '\'' && e.charAt(0) != '"')) return e;
        StringBuilder out = new StringBuilder(e.length());
        for (int i = 1; i < e.length() - 1; i++) {
            char c = e.charAt(i);
            if (c != '\\' || i + 1 >= e.length() - 1) {
                out.append(c);
                continue;
            }
            char n = e.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(e.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'x' -> {
                    out.append((char) Integer.parseInt(e.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }
}
