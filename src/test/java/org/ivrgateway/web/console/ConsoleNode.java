package org.ivrgateway.web.console;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;
import org.ivrgateway.testing.TestCenter;

/**
 * A real gateway for a console test ({@link TestCenter} with its node): the contact center of
 * {@code centers/console-center.yaml} on a fresh database (with the test people and machines of
 * {@link TestAccess}), the server on a free port, and as many browsers (HtmlUnit) as the
 * test has people. Closing stops the server first, so no page's open event stream outlives it.
 */
final class ConsoleNode implements AutoCloseable {
    static final String CONFIG = "centers/console-center.yaml";

    final CenterConfig config;
    final ContactCenter center;
    final URI base;
    private final TestCenter node;
    private final List<WebClient> browsers = new ArrayList<>();

    private ConsoleNode(TestDatabase database, String configResource) throws Exception {
        this(database, configResource, Clock.systemUTC());
    }

    private ConsoleNode(TestDatabase database, String configResource, Clock clock) throws Exception {
        config = config(configResource);
        node = TestCenter.on(database).config(config).clock(clock).node().start();
        center = node.center();
        base = node.uri();
    }

    static ConsoleNode start(TestDatabase database) throws Exception {
        return new ConsoleNode(database, CONFIG);
    }

    /** A console on the contact center of another test config. */
    static ConsoleNode start(TestDatabase database, String configResource) throws Exception {
        return new ConsoleNode(database, configResource);
    }

    /** The same, on a clock of the test's (the core's timers then fire when the test says so). */
    static ConsoleNode start(TestDatabase database, String configResource, Clock clock) throws Exception {
        return new ConsoleNode(database, configResource, clock);
    }

    static CenterConfig config() throws Exception {
        return config(CONFIG);
    }

    /** The resource's configuration, with the test people and machines of {@link TestAccess}. */
    static CenterConfig config(String resource) {
        return TestCenter.config(resource);
    }

    /**
     * A browser of its own (own cookies, own window), as one person at one screen; it presents an
     * administrator's token ({@link TestAccess#ADMIN_TOKEN}), as a screen nobody signs in to.
     */
    WebClient browser() {
        WebClient web = anonymousBrowser();
        web.addRequestHeader("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN);
        return web;
    }

    /** A browser that presents no token: it signs in, or is sent to the sign-in page. */
    WebClient anonymousBrowser() {
        WebClient web = new WebClient(BrowserVersion.FIREFOX);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setThrowExceptionOnScriptError(true);
        web.getOptions().setTimeout(20_000);
        browsers.add(web);
        return web;
    }

    String url(String path) {
        return base.resolve(path).toString();
    }

    @Override
    public void close() throws Exception {
        try {
            node.close();
        } finally {
            browsers.forEach(WebClient::close);
        }
    }
}
