package org.ivrgateway.samples.interpreter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mozilla.javascript.Scriptable;
import org.w3c.dom.Element;

/**
 * One visit of a {@code <form>}: its dialog scope, then the form interpretation algorithm — select the first
 * form item whose variable is still undefined (and whose cond holds), visit it, handle what it gives —
 * until a transition leaves the form or nothing is left to visit.
 */
final class FormRunner {
    private static final String[] ITEMS = {"block", "field", "subdialog", "transfer", "record", "object", "initial"};
    private static final int MAX_EVENTS_IN_A_ROW = 50;

    final Execution execution;
    final Platform platform;
    final VxmlDocument document;
    final Element form;
    final Scriptable dialogScope;
    private final Element applicationRoot;
    private final Map<String, Element> items = new LinkedHashMap<>();
    private final Map<String, Integer> promptCounts = new HashMap<>();
    private final Map<String, Integer> eventCounts = new HashMap<>();
    private Element current;

    FormRunner(Execution execution, VxmlDocument document, Element form, Scriptable documentScope,
               Element applicationRoot) {
        this.execution = execution;
        this.platform = execution.platform;
        this.document = document;
        this.form = form;
        this.applicationRoot = applicationRoot;
        this.dialogScope = platform.scripting.newScope(documentScope, "dialog");
        int i = 0;
        for (Element item : Dom.children(form, ITEMS)) {
            String name = item.hasAttribute("name") ? item.getAttribute("name") : "_item" + i;
            items.put(name, item);
            i++;
        }
    }

    /** Runs the form; {@code params} are a subdialog's {@code <param>}s for the form's {@code <var>}s. */
    Outcome run(Map<String, Object> params) {
        Outcome pending = initialize(params);
        String nextItem = null;
        int eventsInARow = 0;
        while (true) {
            if (!platform.step()) return new Outcome.Exit(Platform.BUDGET_SPENT);
            Outcome outcome;
            if (pending != null) {
                outcome = pending;
                pending = null;
            } else {
                String name = nextItem != null ? nextItem : select();
                nextItem = null;
                if (name == null) return new Outcome.Exit("end of form " + form.getAttribute("id"));
                current = items.get(name);
                if (current == null) {
                    outcome = new Outcome.Throw("error.badfetch", "no form item " + name);
                } else {
                    outcome = new InputItems(this).visit(name, current);
                }
            }
            if (outcome instanceof Outcome.Throw t) {
                if (++eventsInARow > MAX_EVENTS_IN_A_ROW) return new Outcome.Exit("events in a loop: " + t.event());
                pending = handle(t);
                continue;
            }
            eventsInARow = 0;
            switch (outcome) {
                case Outcome.Next n -> { }
                case Outcome.Reprompt r -> { }
                case Outcome.GotoItem g -> nextItem = g.item();
                case Outcome.GotoUri g -> pending = transition(g.uri(), "get", Map.of());
                case Outcome.Submit s -> pending = transition(s.uri(), s.method(), s.values());
                default -> {
                    return outcome;
                }
            }
            if (pending instanceof Outcome.Enter) return pending;
        }
    }

    private Outcome initialize(Map<String, Object> params) {
        Scripting js = platform.scripting;
        Map<String, Object> unused = new HashMap<>(params);
        items.keySet().forEach(name -> js.declare(dialogScope, name, js.undefined()));
        try {
            for (Element e : Dom.children(form, "var", "script")) {
                if (Dom.is(e, "script")) {
                    js.eval(dialogScope, e.getTextContent());
                    continue;
                }
                String name = e.getAttribute("name");
                Object value = unused.containsKey(name) ? unused.remove(name)
                        : e.hasAttribute("expr") ? js.eval(dialogScope, e.getAttribute("expr")) : js.undefined();
                js.declare(dialogScope, name, value);
            }
            for (Map.Entry<String, Element> item : items.entrySet()) {
                if (item.getValue().hasAttribute("expr")) {
                    js.declare(dialogScope, item.getKey(), js.eval(dialogScope, item.getValue().getAttribute("expr")));
                }
            }
        } catch (Scripting.SemanticError e) {
            return new Outcome.Throw("error.semantic", e.getMessage());
        }
        if (!unused.isEmpty()) {
            return new Outcome.Throw("error.semantic", "no <var> in the subdialog's form for param(s) " + unused.keySet());
        }
        return null;
    }

    private String select() {
        Scripting js = platform.scripting;
        for (Map.Entry<String, Element> item : items.entrySet()) {
            Element e = item.getValue();
            if (!js.isUndefined(dialogScope.get(item.getKey(), dialogScope))) continue;
            if (e.hasAttribute("cond") && !js.isTrue(dialogScope, e.getAttribute("cond"))) continue;
            return item.getKey();
        }
        return null;
    }

    /** Runs the handler of an event (or the platform's default) and gives what it asks for. */
    Outcome handle(Outcome.Throw event) {
        platform.record(new Trace.Thrown(event.event(), event.message()));
        String key = (current == null ? "" : current.getAttribute("name")) + "|" + event.event();
        int count = eventCounts.merge(key, 1, Integer::sum);
        List<Element> scopes = new ArrayList<>();
        if (current != null) scopes.add(current);
        scopes.add(form);
        scopes.add(document.root());
        scopes.add(applicationRoot);
        Optional<Element> handler = EventHandlers.select(scopes, event.event(), count, platform.scripting, dialogScope);
        if (handler.isEmpty()) return EventHandlers.platformDefault(event.event(), event.message());
        Scriptable scope = platform.scripting.newScope(dialogScope, null);
        platform.scripting.declare(scope, "_event", event.event());
        platform.scripting.declare(scope, "_message", event.message() == null ? "" : event.message());
        return executable().run(Dom.content(handler.get()), scope);
    }

    /** A {@code <goto>} or {@code <submit>}: a dialog of this document, or a fetched one; a failed fetch is an event here. */
    private Outcome transition(String reference, String method, Map<String, String> values) {
        if (reference.startsWith("#")) return new Outcome.Enter(null, reference.substring(1));
        java.net.URI uri = document.resolve(reference);
        String fragment = uri.getFragment();
        if (document.isSameDocument(uri) && fragment != null && values.isEmpty()) return new Outcome.Enter(null, fragment);
        return switch (platform.fetch(uri, method, values)) {
            case DocumentLoader.Loaded l -> new Outcome.Enter(l.document(), fragment);
            case DocumentLoader.Failed f -> new Outcome.Throw(f.event(), f.message());
        };
    }

    Executable executable() {
        return new Executable(platform, document, this);
    }

    /** Plays the prompts of a form item for its n-th visit: those of the highest count not above n. */
    Outcome playPrompts(String name, Element item, Scriptable scope) {
        int n = promptCounts.merge(name, 1, Integer::sum);
        List<Element> prompts = Dom.children(item, "prompt", "audio");
        int chosen = prompts.stream().mapToInt(p -> p.hasAttribute("count") ? Integer.parseInt(p.getAttribute("count")) : 1)
                .filter(c -> c <= n).max().orElse(1);
        Executable run = executable();
        for (Element p : prompts) {
            int c = p.hasAttribute("count") ? Integer.parseInt(p.getAttribute("count")) : 1;
            if (c != chosen) continue;
            Outcome o = run.prompt(p, scope);
            if (!(o instanceof Outcome.Next)) return o;
        }
        return Outcome.NEXT;
    }

    /** After an input item is filled: its own {@code <filled>}, then the form's that concern it. */
    Outcome filled(String name, Element item, Scriptable scope) {
        Executable run = executable();
        for (Element f : Dom.children(item, "filled")) {
            Outcome o = run.run(Dom.content(f), scope);
            if (!(o instanceof Outcome.Next)) return o;
        }
        for (Element f : Dom.children(form, "filled")) {
            List<String> names = f.getAttribute("namelist").isBlank() ? new ArrayList<>(items.keySet())
                    : List.of(f.getAttribute("namelist").strip().split("\\s+"));
            if (!names.contains(name)) continue;
            boolean all = !"any".equals(f.getAttribute("mode"));
            if (all && names.stream().anyMatch(n -> platform.scripting.isUndefined(dialogScope.get(n, dialogScope)))) continue;
            Outcome o = run.run(Dom.content(f), platform.scripting.newScope(dialogScope, null));
            if (!(o instanceof Outcome.Next)) return o;
        }
        return Outcome.NEXT;
    }

    /** {@code <clear>}: the named variables (all form items when none) become undefined; their counters restart. */
    void clear(List<String> names) {
        List<String> targets = names.isEmpty() ? new ArrayList<>(items.keySet()) : names;
        for (String n : targets) {
            if (items.containsKey(n)) {
                dialogScope.put(n, dialogScope, platform.scripting.undefined());
                promptCounts.remove(n);
                eventCounts.keySet().removeIf(k -> k.startsWith(n + "|"));
            } else {
                platform.scripting.assign(dialogScope, n, platform.scripting.undefined());
            }
        }
    }
}
