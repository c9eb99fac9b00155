package org.ivrgateway.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ivrgateway.api.IvrFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/CONFORMANCE.md honest: every function has its section, every code the guide lists for a
 * function is answered there (or in the table of codes every function can give), and every test the
 * document names exists.
 */
class ConformanceDocTest {
    private static final Path DOC = Path.of("docs/CONFORMANCE.md");
    private static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");
    private static final Pattern CODE = Pattern.compile("-?\\d+");

    /** Rows of each section ("## Name"), as cells. */
    private static final Map<String, List<String[]>> SECTIONS = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        String section = null;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                SECTIONS.put(section, new ArrayList<>());
            } else if (section != null && line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| Code")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
                SECTIONS.get(section).add(cells);
            }
        }
    }

    @Test
    void everyFunctionHasItsSection() {
        for (IvrFunction f : IvrFunction.values()) {
            assertTrue(SECTIONS.containsKey(f.guideName()), "no section for " + f.guideName());
        }
    }

    @Test
    void everyCodeTheGuideListsIsAnswered() {
        Set<Integer> common = codesOf(SECTIONS.get("Codes every function can give"));
        List<String> missing = new ArrayList<>();
        for (IvrFunction f : IvrFunction.values()) {
            Set<Integer> own = codesOf(SECTIONS.getOrDefault(f.guideName(), List.of()));
            for (int code : f.documentedCodes()) {
                if (!own.contains(code) && !common.contains(code)) missing.add(f.guideName() + " " + code);
            }
        }
        assertTrue(missing.isEmpty(), "codes of the guide with no row: " + missing);
    }

    @Test
    void everyRowNamesATestOrSaysWhyNone() {
        List<String> bare = new ArrayList<>();
        SECTIONS.forEach((section, rows) -> {
            for (String[] row : rows) {
                String text = String.join("|", row);
                boolean hasTest = TEST_REF.matcher(text).find();
                boolean explained = text.contains("never") || text.contains("see the common table");
                if (!hasTest && !explained) bare.add(section + ": " + text.strip());
            }
        });
        assertTrue(bare.isEmpty(), "rows with neither a test nor a reason: " + bare);
    }

    @Test
    void everyNamedTestExists() throws IOException {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = p.getFileName().toString().replace(".java", "");
                sources.merge(name, Files.readString(p), String::concat);
            }
        }
        Set<String> unknown = new HashSet<>();
        Matcher m = TEST_REF.matcher(Files.readString(DOC));
        while (m.find()) {
            String source = sources.get(m.group(1));
            if (source == null || !Pattern.compile("void " + m.group(2) + "\\(").matcher(source).find()) {
                unknown.add(m.group(1) + "#" + m.group(2));
            }
        }
        assertTrue(unknown.isEmpty(), "CONFORMANCE.md names tests that do not exist: " + unknown);
    }

    private static Set<Integer> codesOf(List<String[]> rows) {
        Set<Integer> codes = new HashSet<>();
        for (String[] row : rows) {
            Matcher m = CODE.matcher(row[0]);
            while (m.find()) codes.add(Integer.parseInt(m.group()));
        }
        return codes;
    }
}
