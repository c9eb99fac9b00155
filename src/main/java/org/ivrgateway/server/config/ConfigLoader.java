package org.ivrgateway.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.json.Json;

/**
 * Reads the contact center's YAML configuration (README.md, "Configuration") into {@link CenterConfig}. Every way a file
 * can be wrong — not YAML, an unknown key, a value of the wrong type, a value the config records refuse, a
 * reference to something not configured — becomes one {@link ConfigException} naming the source, the line
 * and the key.
 */
public final class ConfigLoader {
    /** The demo contact center that the jar starts when given no {@code --config}. */
    public static final String DEMO = "samples/demo-center.yaml";

    /** The largest configuration file read (a center of thousands of agents fits in a tenth of it). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The longest value of one key: longer than any name, number or rule the configuration holds. */
    public static final int MAX_SCALAR_CHARS = 4096;

    /**
     * YAML needs a mapper over Jackson's YAML factory (a mapper reads one format); it takes the reading rules
     * of the project's JSON mapping ({@link Json#strict}) and is stricter still: a key given twice, or a
     * fraction for a whole number, is an error.
     */
    private static final ObjectMapper MAPPER = Json.strict(YAMLMapper.builder())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ConfigLoader() {
    }

    public static CenterConfig load(Path file) {
        String text;
        try {
            // Refused before it is read: parsing a file of megabytes costs seconds and gigabytes.
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigException(file + ": the file has " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " a configuration may have");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file (" + e + ")");
        }
        return parse(file.toString(), text);
    }

    /** The demo configuration carried in the jar (and in {@code samples/} of the source tree). */
    public static CenterConfig loadDemo() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEMO)) {
            if (in == null) throw new ConfigException(DEMO + ": not found on the classpath");
            return parse("classpath:" + DEMO, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(DEMO + ": cannot read (" + e + ")");
        }
    }

    /** Parses {@code text}; {@code source} names it in messages. */
    public static CenterConfig parse(String source, String text) {
        if (text.length() > MAX_FILE_BYTES) {
            throw new ConfigException(source + ": the configuration has " + text.length()
                    + " characters, more than the " + MAX_FILE_BYTES + " it may have");
        }
        YamlLines lines = YamlLines.of(text);
        Optional<String> tooLong = lines.scalarLongerThan(MAX_SCALAR_CHARS);
        if (tooLong.isPresent()) {
            String pointer = tooLong.get();
            throw new ConfigException(source + ", line " + lines.line(pointer).orElse(1) + ": "
                    + ConfigPath.ofPointer(pointer) + ": longer than " + MAX_SCALAR_CHARS + " characters");
        }
        CenterConfig config;
        try {
            config = MAPPER.readValue(text, CenterConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException(source + ", " + describe(e, lines));
        }
        if (config == null) throw new ConfigException(source + ": the file is empty");
        Optional<ConfigProblem> problem = ReferenceChecks.firstProblem(config);
        if (problem.isPresent()) {
            ConfigProblem p = problem.get();
            throw new ConfigException(source + ", line " + lines.line(p.pointer()).orElse(1) + ": " + p.message());
        }
        return config;
    }

    private static String describe(JacksonException e, YamlLines lines) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field ")) {
            // STRICT_DUPLICATE_DETECTION: the parser stands on the second occurrence of the key.
            String key = ConfigPath.of(e instanceof JsonMappingException m ? m.getPath() : List.of()).key();
            return "line " + lineOf(e.getLocation()) + ": duplicate key "
                    + original.substring("Duplicate field ".length()) + (key.equals("(top level)") ? "" : " in " + key);
        }
        if (!(e instanceof JsonMappingException m)) {
            return "line " + lineOf(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage();
        }
        ConfigPath path = ConfigPath.of(m.getPath());
        String at = lines.line(path.pointer()).map(String::valueOf).orElse(lineOf(m.getLocation()));
        if (m instanceof UnrecognizedPropertyException u) {
            return "line " + at + ": " + path.key() + ": unknown key; known keys here: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        }
        if (m instanceof ValueInstantiationException) {
            // The config records name the key themselves ("queues.Sales.serviceLevelSeconds: ...").
            String message = rootMessage(m);
            int colon = message.indexOf(": ");
            String key = colon > 0 ? message.substring(0, colon) : path.key();
            String line = lines.lineOfKey(key, path.pointer()).map(String::valueOf).orElse(at);
            // A nested record ("overflow.afterSeconds") does not know where it sits; say it.
            boolean nested = !path.pointer().isEmpty() && !path.key().startsWith(key.split("[.\\[]")[0]);
            return "line " + line + ": " + message + (nested ? " (in " + path.key() + ")" : "");
        }
        if (m instanceof InvalidFormatException f) {
            return "line " + at + ": " + path.key() + ": '" + f.getValue() + "' is not " + typeName(f.getTargetType());
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return "line " + at + ": " + path.key() + ": expected " + typeName(mi.getTargetType());
        }
        return "line " + at + ": " + path.key() + ": " + m.getOriginalMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "?" : String.valueOf(location.getLineNr());
    }

    private static String typeName(Class<?> type) {
        if (type == null) return "a valid value";
        if (Number.class.isAssignableFrom(type) || type == int.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a text value";
        if (Iterable.class.isAssignableFrom(type)) return "a list";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        return "a section (key: value pairs)";
    }
}
