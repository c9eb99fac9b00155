package org.ivrgateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.server.Node;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

/**
 * The one way a test starts a contact center (docs/TESTING.md, "Fixtures"): on a test database, a
 * configuration, a clock, with or without the core's timers, and with or without the whole server in front
 * (the gateway node of {@link Node}: Jetty on a free port of 127.0.0.1, the console, REST, and Kamailio's
 * connection when the configuration names one). Started in that order and closed in the reverse one; the
 * fixtures of the packages ({@code core.Fixture}, {@code server.TestNode}, {@code gateway.LiveCenter},
 * {@code web.console.ConsoleNode}, {@code samples.SampleCenter}, {@code telephony.sip.SipRig}) are built on
 * it and add only what their tests share.
 *
 * <pre>{@code
 * try (TestCenter c = TestCenter.on(db).config(TestCenter.config("centers/test-center.yaml")).node().start()) {
 *     c.uri(); c.center(); c.db();
 * }
 * }</pre>
 */
public final class TestCenter implements AutoCloseable {
    private final TestDatabase database;
    private final CenterConfig config;
    private final Clock clock;
    private final boolean timers;
    private final boolean node;
    private Database db;
    private ContactCenter center;
    private Node running;

    private TestCenter(Builder b) {
        this.database = b.database;
        this.config = b.config;
        this.clock = b.clock;
        this.timers = b.timers;
        this.node = b.node;
    }

    /** A contact center to be started on {@code database} (fresh from {@code @BothDatabases} or {@code TestDatabases}). */
    public static Builder on(TestDatabase database) {
        return new Builder(database);
    }

    public static final class Builder {
        private final TestDatabase database;
        private CenterConfig config;
        private Clock clock = Clock.systemUTC();
        private boolean timers = true;
        private boolean node;

        private Builder(TestDatabase database) {
            this.database = database;
        }

        /** The contact center's configuration (required); see {@link TestCenter#config(String, String...)}. */
        public Builder config(CenterConfig config) {
            this.config = config;
            return this;
        }

        /** The clock of the center and of its server (default: the real one); a {@link MutableClock} the test moves. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The center not started: no sweeper and no change feed, so timers fire only when the test calls them. */
        public Builder withoutTimers() {
            this.timers = false;
            return this;
        }

        /** The whole gateway node in front of the center: Jetty on 127.0.0.1, a free port; {@link TestCenter#uri}. */
        public Builder node() {
            this.node = true;
            return this;
        }

        public TestCenter start() throws Exception {
            if (config == null) throw new IllegalStateException("a test center needs a configuration");
            if (node && !timers) throw new IllegalStateException("a node always runs its center's timers");
            TestCenter c = new TestCenter(this);
            c.boot();
            return c;
        }
    }

    private void boot() throws Exception {
        db = database.open();
        if (node) {
            running = Node.start("127.0.0.1", 0, db, config, clock);
            center = running.center();
        } else {
            center = newCenter(db);
        }
    }

    private ContactCenter newCenter(Database on) {
        ContactCenter c = new ContactCenter(on, config, clock);
        return timers ? c.start() : c;
    }

    /** The database the center runs on (closing it makes the center's database unreachable). */
    public Database db() {
        return db;
    }

    public TestDatabase database() {
        return database;
    }

    public ContactCenter center() {
        return center;
    }

    public CenterConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The node's base URL, ending in "/" (only with {@link Builder#node}). */
    public URI uri() {
        if (running == null) throw new IllegalStateException("this test center has no server: start it with node()");
        return running.uri();
    }

    /**
     * Another node's contact center on the same database and clock (a second node, or the same one
     * restarted), started as this one is; its connections close with the test database.
     */
    public ContactCenter another() {
        return newCenter(database.open());
    }

    /** Stops the center (and its server) and starts it again on the same database. */
    public void restart() throws Exception {
        stop();
        boot();
    }

    private void stop() {
        if (running != null) {
            running.close(); // the server, the center and the database, in that order
            running = null;
        } else if (center != null && timers) {
            center.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * A test configuration of {@code src/test/resources} with the test people and machines of
     * {@link TestAccess} (agent 790006 and {@code agentIds}).
     */
    public static CenterConfig config(String resource, String... agentIds) {
        return ConfigLoader.parse(resource, TestAccess.withAccess(resource(resource), agentIds));
    }

    /** The same for agent 790006, with {@code extraLines} in front of the file's text (such as {@code multiTenant: true}). */
    public static CenterConfig configWith(String extraLines, String resource) {
        return ConfigLoader.parse(resource, TestAccess.withAccess(extraLines + "\n" + resource(resource)));
    }

    /** A resource of the test class path as text (a test configuration as it is, without people and machines). */
    public static String resource(String name) {
        try (InputStream in = TestCenter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("no resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
