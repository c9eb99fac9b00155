package org.ivrgateway.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ivrgateway.api.IvrFunction;

/**
 * The template sources, read once at start-up (docs/VXML.md, "Templates"): {@code result.vxml} (the shared result
 * document), {@code collect.vxml} (the collecting document of the param style) and, optionally, one
 * {@code {Function}.vxml} per function that overrides {@code result.vxml} for it.
 *
 * <p>Files of a configured directory win; a file it lacks comes from the built-in copies in the jar
 * ({@code vxml-templates/} on the classpath). Any other {@code .vxml} file in the directory is an error,
 * so that a misspelt override ({@code Enqeue.vxml}) does not go unnoticed. Each source is known by where
 * it came from, which is also the template name Thymeleaf puts in its error messages.
 */
final class VxmlTemplates {
    static final String RESULT = "result.vxml";
    static final String COLLECT = "collect.vxml";
    private static final String BUILT_IN = "vxml-templates/";

    /** Origin (a path, or "classpath:…") → source. */
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<IvrFunction, String> resultOrigin = new EnumMap<>(IvrFunction.class);
    private final String collectOrigin;

    private VxmlTemplates(Path dir) {
        String shared = load(dir, RESULT).orElseThrow(() -> missing(RESULT));
        collectOrigin = load(dir, COLLECT).orElseThrow(() -> missing(COLLECT));
        for (IvrFunction f : IvrFunction.values()) {
            resultOrigin.put(f, load(dir, f.guideName() + ".vxml").orElse(shared));
        }
        if (dir != null) rejectStrangers(dir);
    }

    static VxmlTemplates load(Path dirOrNull) {
        if (dirOrNull != null && !Files.isDirectory(dirOrNull)) {
            throw new BrokenTemplateException(dirOrNull.toString(), "not a directory", null);
        }
        return new VxmlTemplates(dirOrNull);
    }

    String resultTemplate(IvrFunction function) {
        return resultOrigin.get(function);
    }

    String collectTemplate() {
        return collectOrigin;
    }

    Map<String, String> sources() {
        return Map.copyOf(sources);
    }

    private Optional<String> load(Path dir, String file) {
        if (dir != null) {
            Path path = dir.resolve(file);
            if (Files.isRegularFile(path)) {
                try {
                    return Optional.of(put(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
                } catch (IOException | UncheckedIOException e) {
                    throw new BrokenTemplateException(path.toString(), "cannot be read as UTF-8: " + e.getMessage(), e);
                }
            }
        }
        String resource = BUILT_IN + file;
        try (InputStream in = VxmlTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return Optional.empty();
            return Optional.of(put("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new BrokenTemplateException("classpath:" + resource, "cannot be read: " + e.getMessage(), e);
        }
    }

    private String put(String origin, String source) {
        sources.put(origin, source);
        return origin;
    }

    private static void rejectStrangers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".vxml"))
                    .filter(name -> !name.equals(RESULT) && !name.equals(COLLECT))
                    .filter(name -> IvrFunction.byName(name.substring(0, name.length() - 5))
                            .map(f -> !(f.guideName() + ".vxml").equals(name)).orElse(true))
                    .findFirst()
                    .ifPresent(name -> {
                        throw new BrokenTemplateException(dir.resolve(name).toString(),
                                "not a template name: use result.vxml, collect.vxml or {Function}.vxml with the "
                                        + "function's name as the guide spells it", null);
                    });
        } catch (IOException e) {
            throw new BrokenTemplateException(dir.toString(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static BrokenTemplateException missing(String file) {
        return new BrokenTemplateException(BUILT_IN + file, "missing from the directory and from the jar", null);
    }
}
