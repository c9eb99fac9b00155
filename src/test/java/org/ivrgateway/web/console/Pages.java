package org.ivrgateway.web.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** What the console tests do with pages: type, press, read text, and wait (bounded) for a live change. */
final class Pages {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private Pages() {
    }

    /**
     * Presses the button and returns the page its form post led to. A live region may be swapping its
     * content at that moment (the button briefly absent or detached), so it tries again until the press
     * navigates, within {@link #PATIENCE}.
     */
    static HtmlPage press(HtmlPage page, String buttonId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            DomElement button = page.getElementById(buttonId);
            try {
                if (button instanceof HtmlElement element && element.click() instanceof HtmlPage next && next != page) {
                    return next;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted pressing " + buttonId, e);
            }
        }
        throw new AssertionError("no button " + buttonId + " to press within " + PATIENCE);
    }

    static void type(HtmlPage page, String inputId, String text) {
        HtmlInput input = page.getHtmlElementById(inputId);
        input.setValue("");
        try {
            input.type(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the first element matching {@code selector}, blanks as single spaces; null when there is none. */
    static String text(HtmlPage page, String selector) {
        DomNode node = page.querySelector(selector);
        return node == null ? null : node.asNormalizedText().replaceAll("\\s+", " ").strip();
    }

    static boolean present(HtmlPage page, String selector) {
        return page.querySelector(selector) != null;
    }

    static String flash(HtmlPage page) {
        HtmlElement flash = page.getFirstByXPath("//*[@id='flash']");
        return flash == null ? "" : flash.asNormalizedText();
    }

    /** Waits until {@code condition} holds, at most {@link #PATIENCE}; fails saying what did not happen. */
    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + PATIENCE + ": " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
