package org.ivrgateway.gateway;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.ast.AstNode;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.ExpressionStatement;
import org.mozilla.javascript.ast.NumberLiteral;
import org.mozilla.javascript.ast.StringLiteral;
import org.mozilla.javascript.ast.UnaryExpression;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A VoiceXML document as a browser runs it, after schema validation: the form's {@code <var>}s evaluated
 * in order with Rhino (each {@code expr} must be a single literal: a value can never be script), and the
 * {@code <return namelist>} or {@code <submit namelist>} read from the resulting scope.
 */
final class VxmlDocument {
    /** What an escaped value would turn into if it ever ran as script: a test comparing values sees it. */
    static final String INJECTED = "<injected>";

    record Var(String name, String expr) {
    }

    private final String text;
    private final Document dom;

    VxmlDocument(String text) {
        VxmlSchema.validate(text);
        this.text = text;
        this.dom = parse(text);
    }

    String text() {
        return text;
    }

    List<Var> vars() {
        List<Var> vars = new ArrayList<>();
        NodeList nodes = dom.getElementsByTagNameNS("*", "var");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            vars.add(new Var(e.getAttribute("name"), e.getAttribute("expr")));
        }
        return vars;
    }

    /** The text of every comment inside the root element. */
    List<String> comments() {
        List<String> out = new ArrayList<>();
        NodeList nodes = dom.getDocumentElement().getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof org.w3c.dom.Comment c) out.add(c.getData());
        }
        return out;
    }

    /** The single element of that local name, or null. */
    Element element(String localName) {
        NodeList nodes = dom.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() > 1) throw new AssertionError("more than one <" + localName + ">:\n" + text);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** The namelist of the {@code <return>} (result) or {@code <submit>} (collecting document). */
    List<String> namelist(String localName) {
        Element e = element(localName);
        if (e == null) throw new AssertionError("no <" + localName + "> in\n" + text);
        return Arrays.asList(e.getAttribute("namelist").trim().split("\\s+"));
    }

    /**
     * Runs the vars; {@code params} (the param style) initialise the vars of the same name instead of
     * their expr, as VoiceXML 2.1 §2.3.4 says. Returns the namelist's values: Integer for integral
     * numbers, String for strings.
     */
    Map<String, Object> evaluate(String namelistOf, Map<String, ?> params) {
        try (Context cx = Context.enter()) {
            cx.setLanguageVersion(Context.VERSION_ES6);
            ScriptableObject scope = cx.initStandardObjects();
            ScriptableObject.putProperty(scope, "x", INJECTED);
            for (Var v : vars()) {
                Object value = params.containsKey(v.name()) ? params.get(v.name()) : evaluate(cx, scope, v);
                ScriptableObject.putProperty(scope, v.name(), value);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : namelist(namelistOf)) {
                Object value = ScriptableObject.getProperty(scope, name);
                if (value == ScriptableObject.NOT_FOUND) throw new AssertionError(name + " is undefined in\n" + text);
                out.put(name, plain(value));
            }
            return out;
        }
    }

    private Object evaluate(Context cx, ScriptableObject scope, Var v) {
        assertLiteral(v);
        return cx.evaluateString(scope, v.expr(), v.name(), 1, null);
    }

    private void assertLiteral(Var v) {
        AstRoot root = new org.mozilla.javascript.Parser().parse(v.expr(), v.name(), 1);
        AstNode only = root.getFirstChild() instanceof ExpressionStatement s && root.getFirstChild().getNext() == null
                ? s.getExpression() : null;
        boolean literal = only instanceof StringLiteral || only instanceof NumberLiteral
                || (only instanceof UnaryExpression u && u.getOperand() instanceof NumberLiteral);
        if (!literal) throw new AssertionError("expr of " + v.name() + " is not a single literal: " + v.expr());
    }

    private static Object plain(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) return (int) d;
            return d;
        }
        return value instanceof CharSequence cs ? cs.toString() : Context.toString(value);
    }

    private static Document parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + text, e);
        }
    }
}
