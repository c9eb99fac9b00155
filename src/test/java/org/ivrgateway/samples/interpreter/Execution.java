package org.ivrgateway.samples.interpreter;

import java.net.URI;
import java.util.Map;

import org.mozilla.javascript.Scriptable;
import org.w3c.dom.Element;

/**
 * One execution context: the top-level application of the call, or a subdialog. It enters documents (with
 * their application root and its scope), runs their dialogs one after another, and ends with a
 * {@code <return>} (subdialogs) or an exit.
 */
final class Execution {
    final Platform platform;
    private final Scriptable sessionScope;
    private URI rootUri;
    private Element rootElement;
    private Scriptable applicationScope;

    Execution(Platform platform, Scriptable sessionScope) {
        this.platform = platform;
        this.sessionScope = sessionScope;
    }

    /** Runs {@code document} from the dialog named (or its first) until a return or an exit. */
    Outcome run(VxmlDocument document, String dialog, Map<String, Object> params) {
        while (true) {
            Outcome entered = enterApplication(document);
            if (entered != null) return entered;
            Scriptable documentScope = document.uri().equals(rootUri) ? applicationScope
                    : platform.scripting.newScope(applicationScope, "document");
            if (documentScope != applicationScope) {
                Outcome init = initialize(document.root(), documentScope);
                if (init != null) return init;
            }
            Outcome outcome = runDialogs(document, dialog, documentScope, params);
            params = Map.of();
            if (!(outcome instanceof Outcome.Enter enter)) return outcome;
            document = enter.document();
            dialog = enter.dialog();
        }
    }

    /** A subdialog: a new execution context on the same call. */
    Outcome subdialog(VxmlDocument document, String dialog, Map<String, Object> params) {
        return new Execution(platform, sessionScope).run(document, dialog, params);
    }

    /** Runs dialogs of one document; gives the first outcome that leaves it. */
    private Outcome runDialogs(VxmlDocument document, String dialogId, Scriptable documentScope,
                               Map<String, Object> params) {
        String id = dialogId;
        while (true) {
            Element dialog = id == null ? document.dialogs().stream().findFirst().orElse(null)
                    : document.dialog(id).orElse(null);
            if (dialog == null) {
                platform.record(new Trace.Thrown("error.badfetch", "no dialog '" + id + "' in " + document.uri()));
                return new Outcome.Exit("no dialog '" + id + "' in " + document.uri());
            }
            if (Dom.is(dialog, "menu")) return new Outcome.Exit("error.unsupported.menu");
            Outcome outcome = new FormRunner(this, document, dialog, documentScope, rootElement).run(params);
            params = Map.of();
            if (outcome instanceof Outcome.Enter enter && enter.document() == null) {
                id = enter.dialog();
                continue;
            }
            return outcome;
        }
    }

    /** Keeps the application scope when the root stays the same, else loads the new root into a fresh one. */
    private Outcome enterApplication(VxmlDocument document) {
        URI root = document.applicationRoot();
        if (document.uri().equals(rootUri) || (root != null && root.equals(rootUri))) return null;
        applicationScope = platform.scripting.newScope(sessionScope, "application");
        platform.scripting.declare(applicationScope, "lastresult$", platform.scripting.undefined());
        rootUri = root;
        rootElement = null;
        if (root == null) {
            rootUri = null;
            return null;
        }
        return switch (platform.fetch(root, "get", Map.of())) {
            case DocumentLoader.Failed f -> new Outcome.Exit("application root " + root + ": " + f.event() + " " + f.message());
            case DocumentLoader.Loaded l -> {
                rootElement = l.document().root();
                yield initialize(rootElement, applicationScope);
            }
        };
    }

    /** A document's own {@code <var>}s and {@code <script>}s, in order; a script error ends the call. */
    private Outcome initialize(Element vxml, Scriptable scope) {
        Scripting js = platform.scripting;
        try {
            for (Element e : Dom.children(vxml, "var", "script")) {
                if (Dom.is(e, "script")) js.eval(scope, e.getTextContent());
                else js.declare(scope, e.getAttribute("name"),
                        e.hasAttribute("expr") ? js.eval(scope, e.getAttribute("expr")) : js.undefined());
            }
            return null;
        } catch (Scripting.SemanticError e) {
            platform.record(new Trace.Thrown("error.semantic", e.getMessage()));
            return new Outcome.Exit("error.semantic in document: " + e.getMessage());
        }
    }
}
