package org.ivrgateway.web.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.core.config.CenterConfig;
import org.ivrgateway.server.ServerFactory;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.TestDatabase;

/**
 * A real gateway for a console test: the contact center of {@code centers/console-center.yaml} on a fresh
 * database, the server of {@link ServerFactory} on a free port, and as many browsers (HtmlUnit) as the
 * test has people. Closing stops the server first, so no page's open event stream outlives it.
 */
final class ConsoleNode implements AutoCloseable {
    static final String CONFIG = "centers/console-center.yaml";

    final CenterConfig config;
    final ContactCenter center;
    final URI base;
    private final Server server;
    private final List<WebClient> browsers = new ArrayList<>();

    private ConsoleNode(TestDatabase database, String configResource) throws Exception {
        config = config(configResource);
        center = new ContactCenter(database.open(), config, Clock.systemUTC()).start();
        server = ServerFactory.newServer("127.0.0.1", 0, center, config, () -> true);
        server.start();
        base = ServerFactory.uri(server);
    }

    static ConsoleNode start(TestDatabase database) throws Exception {
        return new ConsoleNode(database, CONFIG);
    }

    /** A console on the contact center of another test config. */
    static ConsoleNode start(TestDatabase database, String configResource) throws Exception {
        return new ConsoleNode(database, configResource);
    }

    static CenterConfig config() throws Exception {
        return config(CONFIG);
    }

    static CenterConfig config(String resource) throws Exception {
        try (var in = ConsoleNode.class.getClassLoader().getResourceAsStream(resource)) {
            return ConfigLoader.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A browser of its own (own cookies, own window), as one person at one screen. */
    WebClient browser() {
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
            server.stop();
            center.close();
        } finally {
            browsers.forEach(WebClient::close);
        }
    }
}
