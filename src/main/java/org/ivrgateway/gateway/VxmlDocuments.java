package org.ivrgateway.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.Result;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Makes the VoiceXML documents from the templates (the {@link Renderer} of /vxml is {@link VxmlResultRenderer},
 * which uses it): the result document (one {@code <var>} per result variable, then {@code <return namelist>}) and the collecting document of the param style. The template sees
 * {@code function} (the guide name), {@code variables} (each with {@code name} and {@code expr}, an
 * escaped ECMAScript literal), {@code namelist}, {@code returnCode}, {@code comment} (a whole XML comment
 * or empty, for th:utext) and, in the collecting document, {@code declared} (every variable it declares),
 * {@code inputs} (those it posts back), {@code namelist} and {@code next}. The templates' own comments are
 * not sent ({@link TemplateComments}). docs/VXML.md, "Templates".
 */
final class VxmlDocuments {
    public static final String MEDIA_TYPE = "application/voicexml+xml";

    /** Distinct failure documents kept; past it the memo starts again (echoed inputs can make many). */
    static final int MAX_FAILURE_DOCUMENTS = 512;
    /** A failure document longer than this (long echoed inputs) is not kept: the memo stays a few MB at most. */
    private static final int MAX_KEPT_CHARS = 4096;

    private final VxmlTemplates templates;
    private final TemplateEngine engine = new TemplateEngine();
    /**
     * Failure documents, rendered once each: a failure's document depends only on its function, code,
     * variables and detail, and failures come in floods — 2,000 waits ending together answer the same -701
     * (docs/RELIABILITY.md, "Waits keep their deadline").
     */
    private final Map<Failure, String> failures = new ConcurrentHashMap<>();

    VxmlDocuments(VxmlTemplates templates) {
        this.templates = templates;
        engine.setTemplateResolver(new SourceMapResolver(templates.sources()));
        engine.addDialect(new TemplateComments());
    }

    String result(Result result) {
        List<ResultVariable> variables = variables(result);
        if (result.isSuccess()) return render(result, variables);
        Failure key = new Failure(result.function(), result.returnCode(), variables, result.detail());
        String known = failures.get(key);
        if (known != null) return known;
        String document = render(result, variables);
        if (document.length() > MAX_KEPT_CHARS) return document;
        if (failures.size() >= MAX_FAILURE_DOCUMENTS) failures.clear();
        failures.put(key, document);
        return document;
    }

    /** How many failure documents are kept now (a test's view of the memo). */
    int failureDocuments() {
        return failures.size();
    }

    private record Failure(IvrFunction function, int returnCode, List<ResultVariable> variables, String detail) {
    }

    private String render(Result result, List<ResultVariable> variables) {
        Context context = new Context();
        context.setVariable("function", result.function().guideName());
        context.setVariable("returnCode", result.returnCode());
        context.setVariable("variables", variables);
        context.setVariable("namelist", String.join(" ", variables.stream().map(ResultVariable::name).toList()));
        context.setVariable("comment", result.isSuccess() ? "" : XmlComment.of(result.detail()));
        return engine.process(templates.resultTemplate(result.function()), context);
    }

    String collect(IvrFunction function) {
        List<String> inputs = inputNames(function);
        Context context = new Context();
        context.setVariable("function", function.guideName());
        context.setVariable("declared", declaredNames(function));
        context.setVariable("inputs", inputs);
        context.setVariable("namelist", String.join(" ", inputs));
        // Relative to the document's own URL (…/vxml/{Function}), so it survives any prefix of a proxy.
        context.setVariable("next", function.guideName());
        return engine.process(templates.collectTemplate(), context);
    }

    /** ReturnCode first, then every by-reference parameter in the guide's order. */
    static List<ResultVariable> variables(Result result) {
        List<ResultVariable> variables = new ArrayList<>();
        variables.add(new ResultVariable(ResultNames.RETURN_CODE, EcmaScript.literal(result.returnCode())));
        for (Map.Entry<String, Object> e : ResultSpellings.outputs(result).entrySet()) {
            variables.add(new ResultVariable(e.getKey(), EcmaScript.literal(e.getValue())));
        }
        return variables;
    }

    /** The variables a collecting document posts back: every input parameter, then SessionID. */
    static List<String> inputNames(IvrFunction function) {
        List<String> names = new ArrayList<>(function.inputs().stream().map(Parameter::name).toList());
        names.add(ResultNames.SESSION_ID);
        return names;
    }

    /**
     * The variables a collecting document declares: every parameter of the guide's table, by value and by
     * reference (so a {@code <param>} written from the guide's signature, such as {@code EstimatedWait},
     * initialises a declared variable instead of raising error.semantic), the result's second spellings
     * ({@link ResultSpellings}), then SessionID.
     */
    static List<String> declaredNames(IvrFunction function) {
        List<String> names = new ArrayList<>(function.parameters().stream().map(Parameter::name)
                .filter(n -> !n.equals(ResultNames.SESSION_ID)).toList());
        names.addAll(ResultSpellings.extraNames(function));
        names.add(ResultNames.SESSION_ID);
        return names;
    }
}
