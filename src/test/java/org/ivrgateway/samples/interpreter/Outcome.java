package org.ivrgateway.samples.interpreter;

import java.util.Map;

/**
 * What a piece of executable content asks the interpreter to do next. Control transfers are values, not
 * exceptions: each element returns one, and the first that is not {@link Next} ends the enclosing content.
 */
sealed interface Outcome {
    Outcome NEXT = new Next();

    /** Go on with the next element (or, at the end of content, with the form interpretation algorithm). */
    record Next() implements Outcome {
    }

    /** {@code <goto nextitem>}: the named form item is visited next. */
    record GotoItem(String item) implements Outcome {
    }

    /** {@code <goto next>}: a dialog of this document ("#id") or another document. */
    record GotoUri(String uri) implements Outcome {
    }

    /** {@code <submit>}: fetch the next document with these values. */
    record Submit(String uri, Map<String, String> values, String method) implements Outcome {
    }

    /** {@code <return>}: end the subdialog with these variables, or with an event for the caller. */
    record Return(Map<String, Object> values, String event, String message) implements Outcome {
    }

    /** An event to handle: thrown by {@code <throw>}, by the platform or by a script error. */
    record Throw(String event, String message) implements Outcome {
    }

    /** A dialog to run next: in another document just fetched, or in this one ({@code document} null). */
    record Enter(VxmlDocument document, String dialog) implements Outcome {
    }

    /** {@code <reprompt>}: back to the form interpretation algorithm, prompts played again. */
    record Reprompt() implements Outcome {
    }

    /** {@code <exit>} (or the end of everything): the call's interpretation ends. */
    record Exit(String why) implements Outcome {
    }
}
