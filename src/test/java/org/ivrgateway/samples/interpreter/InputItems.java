package org.ivrgateway.samples.interpreter;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mozilla.javascript.Scriptable;
import org.w3c.dom.Element;

/**
 * Visits of form items: a {@code <block>} runs its content; a {@code <field>} plays its prompts and takes the
 * scripted caller's next input; a {@code <subdialog>} fetches and runs another dialog in a new context; a
 * {@code <transfer>} asks the scripted switch.
 */
final class InputItems {
    private final FormRunner form;
    private final Platform platform;
    private final Scripting js;

    InputItems(FormRunner form) {
        this.form = form;
        this.platform = form.platform;
        this.js = platform.scripting;
    }

    Outcome visit(String name, Element item) {
        Scriptable scope = js.newScope(form.dialogScope, null);
        return switch (item.getLocalName()) {
            case "block" -> {
                js.declare(form.dialogScope, name, Boolean.TRUE);
                yield form.executable().run(Dom.content(item), scope);
            }
            case "field" -> field(name, item, scope);
            case "subdialog" -> subdialog(name, item, scope);
            case "transfer" -> transfer(name, item, scope);
            default -> new Outcome.Throw("error.unsupported." + item.getLocalName(), Dom.where(item));
        };
    }

    private Outcome field(String name, Element field, Scriptable scope) {
        if (platform.takePendingHangUp() || platform.callerGone()) return hungUp("the caller hung up");
        if (!platform.script.builtinGrammars) {
            Optional<String> builtin = FieldMatcher.builtinUsed(field);
            if (builtin.isPresent()) {
                return new Outcome.Throw("error.unsupported.builtin", builtin.get() + " (" + Dom.where(field) + ")");
            }
        }
        Outcome prompted = form.playPrompts(name, field, scope);
        if (!(prompted instanceof Outcome.Next)) return prompted;
        return switch (platform.nextInput()) {
            case CallerInput.HangUp h -> hungUp("the caller hung up");
            case CallerInput.Silence s -> {
                platform.record(new Trace.Collected(name, "(silence)"));
                yield new Outcome.Throw("noinput", "");
            }
            case CallerInput.Dtmf d -> {
                platform.record(new Trace.Collected(name, d.digits()));
                Optional<Object> value = FieldMatcher.match(field, d.digits());
                if (value.isEmpty()) yield new Outcome.Throw("nomatch", "");
                js.declare(form.dialogScope, name, value.get());
                js.eval(form.dialogScope, "application.lastresult$ = [{utterance: '" + d.digits()
                        + "', inputmode: 'dtmf', confidence: 1.0}]; application.lastresult$[0].interpretation = "
                        + name + ";");
                yield form.filled(name, field, scope);
            }
        };
    }

    private Outcome hungUp(String why) {
        platform.lineDown();
        return new Outcome.Throw("connection.disconnect.hangup", why);
    }

    private Outcome subdialog(String name, Element item, Scriptable scope) {
        URI uri = form.document.resolve(item.hasAttribute("src") ? item.getAttribute("src")
                : js.text(js.eval(scope, item.getAttribute("srcexpr"))));
        Map<String, String> values = form.executable().values(item, scope);
        Map<String, Object> params = new LinkedHashMap<>();
        for (Element p : Dom.children(item, "param")) {
            params.put(p.getAttribute("name"),
                    p.hasAttribute("expr") ? js.eval(scope, p.getAttribute("expr")) : p.getAttribute("value"));
        }
        Outcome result = switch (platform.fetch(uri, item.getAttribute("method"), values)) {
            case DocumentLoader.Failed f -> new Outcome.Throw(f.event(), f.message());
            case DocumentLoader.Loaded l -> form.execution.subdialog(l.document(), uri.getFragment(), params);
        };
        return switch (result) {
            case Outcome.Return r when r.event() != null -> new Outcome.Throw(r.event(), r.message());
            case Outcome.Return r -> {
                Map<String, String> returned = new LinkedHashMap<>();
                r.values().forEach((k, v) -> returned.put(k, js.text(v)));
                String path = uri.getPath() == null ? "" : uri.getPath();
                platform.record(new Trace.Returned(name, path.substring(path.lastIndexOf('/') + 1), returned));
                js.declare(form.dialogScope, name, js.object(r.values()));
                yield form.filled(name, item, scope);
            }
            default -> result;
        };
    }

    private Outcome transfer(String name, Element item, Scriptable scope) {
        if (platform.takePendingHangUp() || platform.callerGone()) return hungUp("the caller hung up");
        Outcome prompted = form.playPrompts(name, item, scope);
        if (!(prompted instanceof Outcome.Next)) return prompted;
        String destination = item.hasAttribute("dest") ? item.getAttribute("dest")
                : js.text(js.eval(scope, item.getAttribute("destexpr")));
        TransferOutcome outcome = platform.script.transfers.apply(destination);
        platform.record(new Trace.Transferred(destination, outcome));
        if (outcome.error() != null) return new Outcome.Throw(outcome.error(), destination);
        boolean bridged = "true".equals(item.getAttribute("bridge")) || "bridge".equals(item.getAttribute("type"))
                || "consultation".equals(item.getAttribute("type"));
        if (outcome == TransferOutcome.CONNECTED && !bridged) {
            platform.lineDown();
            return new Outcome.Throw("connection.disconnect.transfer", destination);
        }
        js.declare(form.dialogScope, name, outcome.resultName());
        return form.filled(name, item, scope);
    }
}
