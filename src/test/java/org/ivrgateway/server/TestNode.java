package org.ivrgateway.server;

import java.net.URI;
import java.time.Instant;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;
import org.ivrgateway.testing.TestAccess;
import org.ivrgateway.testing.TestCenter;

/**
 * A real gateway node for a test ({@link TestCenter} with its node): a fresh database, the contact center
 * of a test config, Jetty on a free port of 127.0.0.1, a REST client (an administrator's token), and a
 * clock the test moves. The config carries the test people and machines of {@link TestAccess}.
 * {@link #restart} stops the node and starts a new one on the same database.
 */
final class TestNode implements AutoCloseable {
    /** A Monday, 10:00 in Toronto: inside every business hour of the test configs. */
    static final Instant START = Instant.parse("2025-03-03T15:00:00Z");

    final TestDatabase database;
    final CenterConfig config;
    final MutableClock clock = new MutableClock(START);
    private final TestCenter node;
    private Rest rest;

    private TestNode(TestDatabase database, CenterConfig config) throws Exception {
        this.database = database;
        this.config = config;
        this.node = TestCenter.on(database).config(config).clock(clock).node().start();
        this.rest = new Rest(node.uri());
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
    static CenterConfig loadConfig(String resource, String... agentIds) {
        return TestCenter.config(resource, agentIds);
    }

    /** The test config's text as it is, without people and machines. */
    static String configText(String resource) {
        return TestCenter.resource(resource);
    }

    ContactCenter center() {
        return node.center();
    }

    /** The database this node runs on (closing it makes the node's database unreachable). */
    Database db() {
        return node.db();
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
        rest.close();
        node.restart();
        rest = new Rest(node.uri());
    }

    @Override
    public void close() {
        rest.close();
        node.close();
    }
}
