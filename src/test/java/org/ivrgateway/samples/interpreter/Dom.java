package org.ivrgateway.samples.interpreter;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers; the interpreter reads elements by local name (all are in the VoiceXML namespace). */
final class Dom {
    private Dom() {
    }

    static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) list.add(e);
        }
        return list;
    }

    /** Executable content: the child elements, and each non-blank text as an element-less {@code <prompt>}. */
    static List<Node> content(Element parent) {
        List<Node> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element || (n instanceof org.w3c.dom.Text t && !t.getData().isBlank())) list.add(n);
        }
        return list;
    }

    static List<Element> children(Element parent, String... names) {
        return children(parent).stream().filter(e -> is(e, names)).toList();
    }

    static boolean is(Element e, String... names) {
        for (String name : names) {
            if (name.equals(e.getLocalName())) return true;
        }
        return false;
    }

    /** The attribute, or null when absent (DOM gives "" for both). */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The element's line in its document, for messages. */
    static String where(Element e) {
        Object line = e.getUserData(DocumentLoader.LINE);
        return "<" + e.getLocalName() + ">" + (line == null ? "" : " at line " + line);
    }
}
