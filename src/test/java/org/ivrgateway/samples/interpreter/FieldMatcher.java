package org.ivrgateway.samples.interpreter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Matches a caller's DTMF against what a field accepts: its {@code <option>}s, its DTMF grammars (a builtin
 * {@code src}, or an inline SRGS 1.0 grammar with {@code mode="dtmf"}), or its builtin {@code type} (digits,
 * boolean, number, with {@code length}/{@code minlength}/{@code maxlength}). A field that says nothing
 * accepts any digits.
 *
 * <p>Inline SRGS: {@code <rule>} (the grammar's {@code root}, else its first rule), {@code <item>} with
 * {@code repeat} ("n", "n-m", "n-"), {@code <one-of>}, {@code <ruleref uri="#id"/>} and
 * {@code special="NULL|VOID|GARBAGE"}, {@code <token>}, and {@code <tag>}s of the form {@code out = "value"}.
 * The field's value is the last such tag's value on the matched path, else the matched keys separated by
 * spaces ({@code "1 2 3"}), which is what SISR makes of a rule without tags. Voice grammars (no
 * {@code mode="dtmf"}) never match DTMF. No library matches SRGS in Java without a speech engine behind it,
 * hence this small matcher; it covers what the samples write.
 */
final class FieldMatcher {
    private static final Pattern OUT = Pattern.compile("out\\s*=\\s*[\"']([^\"']*)[\"']");

    private FieldMatcher() {
    }

    static Optional<Object> match(Element field, String digits) {
        List<Element> options = Dom.children(field, "option");
        if (!options.isEmpty()) {
            Optional<Object> chosen = options.stream().filter(o -> digits.equals(o.getAttribute("dtmf"))).findFirst()
                    .map(o -> o.hasAttribute("value") ? o.getAttribute("value") : o.getTextContent().strip());
            if (chosen.isPresent()) return chosen;
        }
        List<Element> grammars = Dom.children(field, "grammar");
        for (Element g : grammars) {
            Optional<Object> value = g.hasAttribute("src")
                    ? builtin(g.getAttribute("src").replaceFirst("^builtin:(dtmf/)?", ""), digits)
                    : inline(g, digits);
            if (value.isPresent()) return value;
        }
        if (field.hasAttribute("type")) return builtin(field.getAttribute("type"), digits);
        return grammars.isEmpty() && options.isEmpty() ? Optional.of(digits) : Optional.empty();
    }

    /** The builtin grammar a field depends on ({@code type}, or a {@code builtin:} grammar), if any. */
    static Optional<String> builtinUsed(Element field) {
        if (field.hasAttribute("type")) return Optional.of("builtin type " + field.getAttribute("type"));
        return Dom.children(field, "grammar").stream().map(g -> g.getAttribute("src"))
                .filter(src -> src.startsWith("builtin:")).findFirst();
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

    private static Optional<Object> inline(Element grammar, String keys) {
        if (!"dtmf".equals(grammar.getAttribute("mode"))) return Optional.empty();
        Srgs srgs = new Srgs(grammar, keys);
        for (Srgs.Path p : srgs.rule(srgs.root(), 0, 0)) {
            if (p.end() == keys.length()) return Optional.of(p.out() != null ? p.out() : String.join(" ", p.keys()));
        }
        return Optional.empty();
    }

    /** All the ways an SRGS grammar's elements can match the keys from a position: where each ends, and its value. */
    private static final class Srgs {
        private static final int MAX_DEPTH = 64;
        private final Element grammar;
        private final String keys;
        private final Map<String, Element> rules = new HashMap<>();

        record Path(int end, List<String> keys, String out) {
        }

        Srgs(Element grammar, String keys) {
            this.grammar = grammar;
            this.keys = keys;
            for (Element r : Dom.children(grammar, "rule")) rules.put(r.getAttribute("id"), r);
        }

        /** The grammar's root rule: named by {@code root}, else the first; a grammar without rules is one itself. */
        Element root() {
            List<Element> all = Dom.children(grammar, "rule");
            if (all.isEmpty()) return grammar;
            return grammar.hasAttribute("root") ? rules.getOrDefault(grammar.getAttribute("root"), all.getFirst())
                    : all.getFirst();
        }

        List<Path> rule(Element rule, int from, int depth) {
            return sequence(contentOf(rule), from, depth);
        }

        private List<Path> sequence(List<Node> nodes, int from, int depth) {
            List<Path> paths = List.of(new Path(from, List.of(), null));
            for (Node n : nodes) {
                Set<Path> next = new LinkedHashSet<>();
                for (Path p : paths) {
                    for (Path q : node(n, p.end(), depth)) next.add(join(p, q));
                }
                paths = new ArrayList<>(next);
                if (paths.isEmpty()) break;
            }
            return paths;
        }

        private List<Path> node(Node n, int from, int depth) {
            if (depth > MAX_DEPTH) return List.of();
            if (n instanceof Text t) return tokens(t.getData(), from);
            Element e = (Element) n;
            return switch (e.getLocalName()) {
                case "item" -> item(e, from, depth);
                case "one-of" -> {
                    List<Path> all = new ArrayList<>();
                    for (Element alt : Dom.children(e, "item")) all.addAll(item(alt, from, depth + 1));
                    yield all;
                }
                case "ruleref" -> ruleref(e, from, depth);
                case "token" -> tokens(e.getTextContent(), from);
                case "tag" -> {
                    Matcher m = OUT.matcher(e.getTextContent());
                    yield List.of(new Path(from, List.of(), m.find() ? m.group(1) : null));
                }
                default -> List.of();
            };
        }

        private List<Path> ruleref(Element ref, int from, int depth) {
            String special = ref.getAttribute("special");
            if ("NULL".equals(special)) return List.of(new Path(from, List.of(), null));
            if ("VOID".equals(special)) return List.of();
            if ("GARBAGE".equals(special)) {
                return from < keys.length() ? List.of(new Path(from + 1, List.of(), null)) : List.of();
            }
            Element target = rules.get(ref.getAttribute("uri").replaceFirst("^#", ""));
            return target == null ? List.of() : rule(target, from, depth + 1);
        }

        private List<Path> item(Element item, int from, int depth) {
            int[] range = repeat(item.getAttribute("repeat"));
            List<Node> body = contentOf(item);
            Set<Path> done = new LinkedHashSet<>();
            List<Path> current = List.of(new Path(from, List.of(), null));
            for (int k = 0; k <= range[1] && !current.isEmpty(); k++) {
                if (k >= range[0]) done.addAll(current);
                if (k == range[1]) break;
                Set<Path> next = new LinkedHashSet<>();
                for (Path p : current) {
                    for (Path q : sequence(body, p.end(), depth + 1)) {
                        if (q.end() > p.end() || k < range[0]) next.add(join(p, q));
                    }
                }
                current = new ArrayList<>(next);
            }
            return new ArrayList<>(done);
        }

        /** {@code repeat}: "" once, "n", "n-m", "n-" (at most as many times as there are keys left). */
        private int[] repeat(String repeat) {
            if (repeat.isBlank()) return new int[] {1, 1};
            String[] mm = repeat.strip().split("-", -1);
            int min = Integer.parseInt(mm[0].strip());
            int max = mm.length == 1 ? min : mm[1].isBlank() ? keys.length() + 1 : Integer.parseInt(mm[1].strip());
            return new int[] {min, max};
        }

        /** DTMF tokens: each key is one ("1 2 3" and "123" both are three keys). */
        private List<Path> tokens(String text, int from) {
            String said = text.replaceAll("\\s+", "");
            if (said.isEmpty()) return List.of(new Path(from, List.of(), null));
            if (!keys.startsWith(said, from)) return List.of();
            List<String> each = new ArrayList<>();
            for (char c : said.toCharArray()) each.add(String.valueOf(c));
            return List.of(new Path(from + said.length(), each, null));
        }

        private static Path join(Path a, Path b) {
            List<String> all = new ArrayList<>(a.keys());
            all.addAll(b.keys());
            return new Path(b.end(), all, b.out() != null ? b.out() : a.out());
        }

        private static List<Node> contentOf(Element e) {
            List<Node> list = new ArrayList<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && !Dom.is(c, "rule", "meta", "metadata", "lexicon", "example")) list.add(c);
                else if (n instanceof Text t && !t.getData().isBlank()) list.add(t);
            }
            return list;
        }
    }
}
