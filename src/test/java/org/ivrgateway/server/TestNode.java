package org.ivrgateway.server;

import java.net.URI;
import java.time.Instant;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;
import org.ivrgateway.testing.TestAccess;

/**
 * A real gateway node for a test: a fresh database, the contact center of a test config, Jetty on a free
 * port of 127.0.0.1, a REST client (an administrator's token), and a clock the test moves. The config
 * carries the test people and machines of {@link TestAccess}. {@link #restart} stops the node and
 * starts a new one on the same database.
 */
final class TestNode implements AutoCloseable {
    /** A Monday, 10:00 in Toronto: inside every business hour of the test configs. */
    static final Instant START = Instant.parse("2025-03-03T15:00:00Z");

    final TestDatabase database;
    final CenterConfig config;
    final MutableClock clock = new MutableClock(START);
    private Database db;
    private Node node;
    private Rest rest;

    private TestNode(TestDatabase database, CenterConfig config) throws Exception {
        this.database = database;
        this.config = config;
        boot();
    }

    static TestNode start(TestDatabase database) throws Exception {
        return start(database, "centers/test-center.yaml");
    }

    static TestNode start(TestDatabase database, String configResource) throws Exception {
        return new TestNode(database, loadConfig(configResource));
    }

    /** A node on {@code config} as given (its people and machines included). */
    static TestNode start(TestDatabase database, CenterConfig config) throws Exception {
        return new TestNode(database, config);
    }

    /** The test config's text, with the test people and machines of {@link TestAccess} for agent 790006 and {@code agentIds}. */
    static CenterConfig loadConfig(String resource, String... agentIds) throws Exception {
        return ConfigLoader.parse(resource, TestAccess.withAccess(configText(resource), agentIds));
    }

    /** The test config's text as it is, without people and machines. */
    static String configText(String resource) throws Exception {
        try (var in = TestNode.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void boot() throws Exception {
        db = database.open();
        node = Node.start("127.0.0.1", 0, db, config, clock);
        rest = new Rest(node.uri());
    }

    ContactCenter center() {
        return node.center();
    }

    /** The database this node runs on (closing it makes the node's database unreachable). */
    Database db() {
        return db;
    }

    /** The REST client of an administrator's machine ({@link TestAccess#ADMIN_TOKEN}). */
    Rest rest() {
        return rest;
    }

    /** A REST client of its own presenting {@code token} (null: none); the caller closes it. */
    Rest rest(String token) {
        return new Rest(node.uri(), token);
    }

    /** The node's base URL, ending in "/". */
    URI uri() {
        return node.uri();
    }

    void restart() throws Exception {
        stop();
        boot();
    }

    private void stop() {
        rest.close();
        node.close();
    }

    @Override
    public void close() {
        stop();
    }
}
