package org.ivrgateway.samples.interpreter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mozilla.javascript.Scriptable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Runs executable content ({@code <block>}, {@code <filled>}, {@code <catch>} bodies) in a scope. Each
 * element gives an {@link Outcome}; a script error becomes {@code error.semantic} at the element that made it.
 */
final class Executable {
    private final Platform platform;
    private final VxmlDocument document;
    private final FormRunner form;

    Executable(Platform platform, VxmlDocument document, FormRunner form) {
        this.platform = platform;
        this.document = document;
        this.form = form;
    }

    Outcome run(List<? extends Node> content, Scriptable scope) {
        for (Node node : content) {
            if (node instanceof Text t) {
                Outcome spoken = speak(t.getData().replaceAll("\\s+", " ").strip());
                if (!(spoken instanceof Outcome.Next)) return spoken;
                continue;
            }
            Element e = (Element) node;
            Outcome outcome;
            try {
                outcome = element(e, scope);
            } catch (Scripting.SemanticError err) {
                outcome = new Outcome.Throw("error.semantic", err.getMessage() + " (" + Dom.where(e) + ")");
            }
            if (!(outcome instanceof Outcome.Next)) return outcome;
        }
        return Outcome.NEXT;
    }

    private Outcome element(Element e, Scriptable scope) {
        Scripting js = platform.scripting;
        switch (e.getLocalName()) {
            case "var" -> js.declare(scope, e.getAttribute("name"),
                    e.hasAttribute("expr") ? js.eval(scope, e.getAttribute("expr")) : js.undefined());
            case "assign" -> js.assign(scope, e.getAttribute("name"), js.eval(scope, e.getAttribute("expr")));
            case "script" -> js.eval(scope, e.getTextContent());
            case "if" -> {
                return conditional(e, scope);
            }
            case "log" -> platform.record(new Trace.Logged(e.getAttribute("label"), logText(e, scope)));
            case "prompt", "audio" -> {
                return prompt(e, scope);
            }
            case "goto" -> {
                return jump(e, scope);
            }
            case "submit" -> {
                return new Outcome.Submit(target(e, "next", scope), values(e, scope), e.getAttribute("method"));
            }
            case "return" -> {
                String event = e.hasAttribute("eventexpr") ? js.text(js.eval(scope, e.getAttribute("eventexpr")))
                        : Dom.attr(e, "event");
                return new Outcome.Return(event == null ? rawValues(e, scope) : Map.of(), event, message(e, scope));
            }
            case "throw" -> {
                String event = e.hasAttribute("eventexpr") ? js.text(js.eval(scope, e.getAttribute("eventexpr")))
                        : e.getAttribute("event");
                return new Outcome.Throw(event, message(e, scope));
            }
            case "exit" -> {
                return new Outcome.Exit("exit");
            }
            case "disconnect" -> {
                platform.record(new Trace.Disconnected());
                platform.lineDown();
                return new Outcome.Throw("connection.disconnect.hangup", "the application disconnected");
            }
            case "clear" -> form.clear(e.hasAttribute("namelist") ? names(e) : List.of());
            case "reprompt" -> {
                return new Outcome.Reprompt();
            }
            case "value" -> platform.record(new Trace.Prompted(js.text(js.eval(scope, e.getAttribute("expr")))));
            default -> {
                return new Outcome.Throw("error.unsupported." + e.getLocalName(), Dom.where(e));
            }
        }
        return Outcome.NEXT;
    }

    private Outcome conditional(Element e, Scriptable scope) {
        boolean taken = platform.scripting.isTrue(scope, e.getAttribute("cond"));
        List<Node> branch = new java.util.ArrayList<>();
        for (Node c : Dom.content(e)) {
            if (c instanceof Element el && Dom.is(el, "elseif", "else")) {
                if (taken) break;
                taken = Dom.is(el, "else") || platform.scripting.isTrue(scope, el.getAttribute("cond"));
                continue;
            }
            if (taken) branch.add(c);
        }
        return run(branch, scope);
    }

    /** Plays a prompt; a caller who hung up during it is heard now, at the end of the playback. */
    Outcome prompt(Element e, Scriptable scope) {
        if (e.hasAttribute("cond") && !platform.scripting.isTrue(scope, e.getAttribute("cond"))) return Outcome.NEXT;
        return speak(text(e, scope));
    }

    private Outcome speak(String text) {
        if (!platform.callerGone()) platform.record(new Trace.Prompted(text));
        if (platform.takePendingHangUp()) {
            return new Outcome.Throw("connection.disconnect.hangup", "the caller hung up");
        }
        return Outcome.NEXT;
    }

    private Outcome jump(Element e, Scriptable scope) {
        Scripting js = platform.scripting;
        if (e.hasAttribute("nextitem")) return new Outcome.GotoItem(e.getAttribute("nextitem"));
        if (e.hasAttribute("expritem")) return new Outcome.GotoItem(js.text(js.eval(scope, e.getAttribute("expritem"))));
        return new Outcome.GotoUri(target(e, "next", scope));
    }

    private String target(Element e, String attribute, Scriptable scope) {
        return e.hasAttribute(attribute) ? e.getAttribute(attribute)
                : platform.scripting.text(platform.scripting.eval(scope, e.getAttribute("expr")));
    }

    /** The namelist's variables as text, for a fetch. */
    Map<String, String> values(Element e, Scriptable scope) {
        Map<String, String> values = new LinkedHashMap<>();
        rawValues(e, scope).forEach((k, v) -> values.put(k, platform.scripting.text(v)));
        return values;
    }

    private Map<String, Object> rawValues(Element e, Scriptable scope) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names(e)) values.put(name, platform.scripting.lookup(scope, name));
        return values;
    }

    private static List<String> names(Element e) {
        String list = e.getAttribute("namelist").strip();
        return list.isEmpty() ? List.of() : List.of(list.split("\\s+"));
    }

    private String message(Element e, Scriptable scope) {
        if (e.hasAttribute("messageexpr")) return platform.scripting.text(platform.scripting.eval(scope, e.getAttribute("messageexpr")));
        return e.getAttribute("message");
    }

    /** A log's message: its {@code expr} (VoiceXML 2.1), else its content. */
    private String logText(Element e, Scriptable scope) {
        if (e.hasAttribute("expr")) return platform.scripting.text(platform.scripting.eval(scope, e.getAttribute("expr")));
        return text(e, scope);
    }

    /** The text of prompt or log content: text nodes and {@code <value>}s, whitespace collapsed. */
    String text(Element e, Scriptable scope) {
        StringBuilder b = new StringBuilder();
        appendText(e, scope, b);
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private void appendText(Element e, Scriptable scope, StringBuilder b) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text t) b.append(t.getData());
            else if (n instanceof Element c && Dom.is(c, "value")) {
                b.append(platform.scripting.text(platform.scripting.eval(scope, c.getAttribute("expr"))));
            } else if (n instanceof Element c) {
                appendText(c, scope, b);
            }
        }
    }
}
