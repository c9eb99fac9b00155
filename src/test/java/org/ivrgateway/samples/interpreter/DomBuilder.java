package org.ivrgateway.samples.interpreter;

import java.util.ArrayDeque;
import java.util.Deque;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/** Builds a DOM from SAX events, noting each element's line, so messages can point into the document. */
final class DomBuilder extends DefaultHandler {
    private final Document doc;
    private final Deque<Node> open = new ArrayDeque<>();
    private Locator locator;

    DomBuilder(Document doc) {
        this.doc = doc;
        open.push(doc);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        Element e = doc.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < attributes.getLength(); i++) {
            String ns = attributes.getURI(i);
            e.setAttributeNS(ns.isEmpty() ? null : ns, attributes.getQName(i), attributes.getValue(i));
        }
        if (locator != null) e.setUserData(DocumentLoader.LINE, locator.getLineNumber(), null);
        open.peek().appendChild(e);
        open.push(e);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        Node top = open.peek();
        if (top != doc) top.appendChild(doc.createTextNode(new String(ch, start, length)));
    }
}
