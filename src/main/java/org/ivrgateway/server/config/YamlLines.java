package org.ivrgateway.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each key and list item of a YAML file starts, by JSON pointer ({@code /queues/0/pilot}), and the
 * scalar values, so that a validation message naming a key the way the config records do
 * ({@code queues.Sales.serviceLevelSeconds}, {@code agents.790006.queues}) can be traced back to its line.
 * Entries of a list are named by their index or by their {@code name} or {@code id}.
 */
final class YamlLines {
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> scalars = new HashMap<>();

    private YamlLines() {
    }

    /** Indexes {@code text}; a file that does not parse yields an empty index (the mapper reports why). */
    static YamlLines of(String text) {
        YamlLines index = new YamlLines();
        // A plain YAML parser, not the config's mapper: this index must survive a key given twice, which
        // the mapper then reports with its line.
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || t.isStructStart() || t.isScalarValue()) {
                    index.lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                }
                if (t.isScalarValue()) index.scalars.put(pointer, p.getText());
            }
        } catch (IOException | RuntimeException e) {
            // the same text goes through the mapper next, which reports the syntax error with its line
        }
        return index;
    }

    /** The first scalar (by line) longer than {@code max} characters, by its pointer. */
    Optional<String> scalarLongerThan(int max) {
        return scalars.entrySet().stream().filter(e -> e.getValue().length() > max).map(Map.Entry::getKey)
                .min(java.util.Comparator.comparing(p -> lines.getOrDefault(p, Integer.MAX_VALUE)));
    }

    Optional<Integer> line(String pointer) {
        return Optional.ofNullable(lines.get(pointer));
    }

    /**
     * The line of the key that {@code key} names, looked for below {@code within} (the object being built
     * when the check failed): first as a path from the top, then by its last segments from {@code within}.
     */
    Optional<Integer> lineOfKey(String key, String within) {
        List<String> segments = List.of(key.split("\\."));
        Optional<String> absolute = resolve("", segments);
        if (absolute.isPresent() && isWithin(absolute.get(), within)) return line(absolute.get());
        for (int i = 0; i < segments.size(); i++) {
            Optional<String> relative = resolve(within, segments.subList(i, segments.size()));
            if (relative.isPresent()) return line(relative.get());
        }
        return Optional.empty();
    }

    private static boolean isWithin(String pointer, String within) {
        return pointer.equals(within) || pointer.startsWith(within + "/");
    }

    private Optional<String> resolve(String from, List<String> segments) {
        String at = from;
        for (String raw : segments) {
            String segment = raw.endsWith("[]") ? raw.substring(0, raw.length() - 2) : raw;
            String child = at + "/" + escape(segment);
            if (lines.containsKey(child)) {
                at = child;
                continue;
            }
            Optional<String> item = itemNamed(at, segment);
            if (item.isEmpty()) return Optional.empty();
            at = item.get();
        }
        return Optional.of(at);
    }

    /** The list item under {@code list} whose index, {@code name} or {@code id} is {@code segment}. */
    private Optional<String> itemNamed(String list, String segment) {
        for (int i = 0; lines.containsKey(list + "/" + i); i++) {
            String item = list + "/" + i;
            if (segment.equals(String.valueOf(i)) || segment.equals(scalars.get(item + "/name"))
                    || segment.equals(scalars.get(item + "/id"))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
