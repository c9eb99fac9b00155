package org.ivrgateway.samples.interpreter;

import java.util.Map;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * The ECMAScript side, by Rhino: VoiceXML's nested variable scopes (session, application, document, dialog,
 * anonymous) as Rhino objects chained by parent scope, so a name resolves outward as the spec says. A
 * script error surfaces as {@link SemanticError}, which the interpreter turns into {@code error.semantic}.
 */
final class Scripting implements AutoCloseable {
    private final Context cx;
    private final ScriptableObject global;

    /** Thrown by evaluation when the script fails; carries Rhino's message. */
    static final class SemanticError extends RuntimeException {
        SemanticError(String message) {
            super(message);
        }
    }

    Scripting() {
        cx = Context.enter();
        cx.setLanguageVersion(Context.VERSION_ES6);
        global = cx.initStandardObjects();
    }

    /** The session scope: the standard objects plus {@code session.connection.*}. */
    Scriptable sessionScope(String localUri, String remoteUri) {
        Scriptable session = newScope(global, "session");
        Scriptable connection = (Scriptable) evalIn(global, "({local: {uri: ''}, remote: {uri: ''},"
                + " protocol: {name: 'tel'}, originator: 'remote', redirect: [], aai: ''})");
        Scriptable local = (Scriptable) connection.get("local", connection);
        local.put("uri", local, localUri);
        Scriptable remote = (Scriptable) connection.get("remote", connection);
        remote.put("uri", remote, remoteUri);
        session.put("connection", session, connection);
        return session;
    }

    /** A new scope inside {@code parent}; a named one can be reached by its name too ({@code application.x}). */
    Scriptable newScope(Scriptable parent, String name) {
        NativeObject scope = new NativeObject();
        scope.setParentScope(parent);
        scope.setPrototype(ScriptableObject.getObjectPrototype(global));
        if (name != null) scope.put(name, scope, scope);
        return scope;
    }

    void declare(Scriptable scope, String name, Object value) {
        scope.put(name, scope, value);
    }

    Object undefined() {
        return Undefined.instance;
    }

    boolean isUndefined(Object value) {
        return value == null || Undefined.isUndefined(value);
    }

    Object eval(Scriptable scope, String expr) {
        return evalIn(scope, expr);
    }

    boolean isTrue(Scriptable scope, String expr) {
        return Context.toBoolean(evalIn(scope, expr));
    }

    String text(Object value) {
        return isUndefined(value) ? "" : Context.toString(value);
    }

    /** The value of a variable by name, as namelist reads it; a name no scope declares is a semantic error. */
    Object lookup(Scriptable scope, String name) {
        return evalIn(scope, name);
    }

    /** {@code <assign>}: only to a declared variable (or a property path), else error.semantic. */
    void assign(Scriptable scope, String name, Object value) {
        if (!name.contains(".") && holder(scope, name) == null) {
            throw new SemanticError("assign to undeclared variable " + name);
        }
        Scriptable temp = newScope(scope, null);
        temp.put("__value", temp, value);
        evalIn(temp, name + " = __value");
    }

    /** A plain object with these properties (a subdialog's returned variables). */
    Scriptable object(Map<String, Object> properties) {
        Scriptable o = cx.newObject(global);
        properties.forEach((k, v) -> o.put(k, o, v));
        return o;
    }

    private Scriptable holder(Scriptable scope, String name) {
        for (Scriptable s = scope; s != null; s = s.getParentScope()) {
            if (s != global && s.has(name, s)) return s;
        }
        return null;
    }

    private Object evalIn(Scriptable scope, String source) {
        try {
            return cx.evaluateString(scope, source, "vxml", 1, null);
        } catch (RhinoException e) {
            throw new SemanticError(e.details() + " in: " + source);
        }
    }

    @Override
    public void close() {
        cx.close();
    }
}
