package org.ivrgateway.samples.interpreter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/**
 * Matches a caller's DTMF against what a field accepts: its {@code <option>}s, its builtin {@code type}
 * (digits, boolean, number, with {@code length}/{@code minlength}/{@code maxlength}), or its DTMF grammars
 * (a builtin {@code src}, or inline {@code <item>}s with an optional {@code out = "value"} tag).
 * A field that says nothing accepts any digits.
 */
final class FieldMatcher {
    private static final Pattern OUT = Pattern.compile("out\\s*=\\s*[\"']([^\"']*)[\"']");

    private FieldMatcher() {
    }

    static Optional<Object> match(Element field, String digits) {
        List<Element> options = Dom.children(field, "option");
        if (!options.isEmpty()) {
            return options.stream().filter(o -> digits.equals(o.getAttribute("dtmf"))).findFirst()
                    .map(o -> o.hasAttribute("value") ? o.getAttribute("value") : o.getTextContent().strip());
        }
        if (field.hasAttribute("type")) return builtin(field.getAttribute("type"), digits);
        List<Element> grammars = Dom.children(field, "grammar");
        for (Element g : grammars) {
            Optional<Object> value = g.hasAttribute("src")
                    ? builtin(g.getAttribute("src").replaceFirst("^builtin:(dtmf/)?", ""), digits)
                    : inline(g, digits);
            if (value.isPresent()) return value;
        }
        return grammars.isEmpty() ? Optional.of(digits) : Optional.empty();
    }

    private static Optional<Object> builtin(String type, String digits) {
        String[] parts = type.split("\\?", 2);
        Map<String, Integer> limits = new HashMap<>();
        if (parts.length > 1) {
            for (String p : parts[1].split(";")) {
                String[] kv = p.split("=", 2);
                if (kv.length == 2) limits.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            }
        }
        int n = digits.length();
        if (n < limits.getOrDefault("minlength", limits.getOrDefault("length", 1))
                || n > limits.getOrDefault("maxlength", limits.getOrDefault("length", Integer.MAX_VALUE))) {
            return Optional.empty();
        }
        return switch (parts[0].strip()) {
            case "boolean" -> "1".equals(digits) ? Optional.of(Boolean.TRUE)
                    : "2".equals(digits) ? Optional.of(Boolean.FALSE) : Optional.empty();
            case "number" -> digits.matches("\\d+") ? Optional.of(Double.valueOf(digits)) : Optional.empty();
            case "digits" -> digits.matches("\\d+") ? Optional.of(digits) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Object> inline(Element grammar, String digits) {
        for (Element item : items(grammar)) {
            StringBuilder said = new StringBuilder();
            String out = null;
            for (org.w3c.dom.Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element tag && Dom.is(tag, "tag")) {
                    Matcher m = OUT.matcher(tag.getTextContent());
                    if (m.find()) out = m.group(1);
                } else if (n instanceof org.w3c.dom.Text t) {
                    said.append(t.getData());
                }
            }
            if (said.toString().replaceAll("\\s+", "").equals(digits)) return Optional.of(out == null ? digits : out);
        }
        return Optional.empty();
    }

    private static List<Element> items(Element grammar) {
        var list = grammar.getElementsByTagNameNS("*", "item");
        List<Element> items = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) items.add((Element) list.item(i));
        return items;
    }
}
