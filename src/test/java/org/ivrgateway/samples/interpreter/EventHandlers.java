package org.ivrgateway.samples.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mozilla.javascript.Scriptable;
import org.w3c.dom.Element;

/**
 * Selects the handler of an event as VoiceXML 2.0 §5.2.4 says: the catches of the form item, the form, the
 * document and the application root, in that order and then in document order; those that match the event
 * and whose cond holds; the highest count not above the event's count; the first of those.
 */
final class EventHandlers {
    private static final String[] HANDLERS = {"catch", "error", "noinput", "nomatch", "help"};

    private EventHandlers() {
    }

    static Optional<Element> select(List<Element> scopes, String event, int count, Scripting js, Scriptable scope) {
        List<Element> candidates = new ArrayList<>();
        for (Element level : scopes) {
            if (level == null) continue;
            for (Element h : Dom.children(level, HANDLERS)) {
                if (matches(h, event) && (!h.hasAttribute("cond") || js.isTrue(scope, h.getAttribute("cond")))) {
                    candidates.add(h);
                }
            }
        }
        int best = candidates.stream().mapToInt(EventHandlers::count).filter(c -> c <= count).max().orElse(-1);
        return candidates.stream().filter(h -> count(h) == best).findFirst();
    }

    /** What the platform does with an event nobody catches. */
    static Outcome platformDefault(String event, String message) {
        if (is(event, "noinput") || is(event, "nomatch") || is(event, "help") || is(event, "maxspeechtimeout")) {
            return new Outcome.Reprompt();
        }
        if (is(event, "cancel")) return Outcome.NEXT;
        return new Outcome.Exit("uncaught " + event + (message == null || message.isEmpty() ? "" : ": " + message));
    }

    private static boolean matches(Element handler, String event) {
        String names = Dom.is(handler, "catch") ? handler.getAttribute("event").strip() : handler.getLocalName();
        if (names.isEmpty()) return true;
        for (String name : names.split("\\s+")) {
            if (is(event, name.replaceFirst("\\.$", ""))) return true;
        }
        return false;
    }

    /** The event is {@code name} or one of its sub-events ({@code error} covers {@code error.badfetch.http.404}). */
    static boolean is(String event, String name) {
        return event.equals(name) || event.startsWith(name + ".");
    }

    private static int count(Element handler) {
        return handler.hasAttribute("count") ? Integer.parseInt(handler.getAttribute("count")) : 1;
    }
}
