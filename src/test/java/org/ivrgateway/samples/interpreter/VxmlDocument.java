package org.ivrgateway.samples.interpreter;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;

/** A fetched VoiceXML document: where it came from and its {@code <vxml>} element. */
record VxmlDocument(URI uri, Element root) {

    /** The dialogs ({@code <form>}, {@code <menu>}) in document order. */
    List<Element> dialogs() {
        return Dom.children(root, "form", "menu");
    }

    Optional<Element> dialog(String id) {
        return dialogs().stream().filter(d -> id.equals(d.getAttribute("id"))).findFirst();
    }

    /** The application root document this one names, resolved against it; null when it names none. */
    URI applicationRoot() {
        String app = Dom.attr(root, "application");
        return app == null ? null : resolve(app);
    }

    /** A URI written in this document, resolved against the document (and its xml:base, if any). */
    URI resolve(String reference) {
        String base = Dom.attr(root, "xml:base");
        URI from = base == null ? uri : uri.resolve(base);
        return from.resolve(reference.strip());
    }

    /** The same document, that is: a reference to one of its own dialogs. */
    boolean isSameDocument(URI other) {
        return withoutFragment(other).equals(withoutFragment(uri));
    }

    static URI withoutFragment(URI u) {
        return URI.create(u.toString().replaceFirst("#.*$", ""));
    }
}
