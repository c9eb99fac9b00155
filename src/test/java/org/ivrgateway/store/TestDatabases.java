package org.ivrgateway.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The extension behind {@link BothDatabases}; also usable alone through {@link #h2()} and {@link #postgres()}. */
public final class TestDatabases implements TestTemplateInvocationContextProvider {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Portable SQL: H2 in PostgreSQL mode, lower-case names, so one set of migrations serves both. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(BothDatabases.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        List<TestTemplateInvocationContext> contexts = new ArrayList<>();
        contexts.add(invocation("H2", TestDatabases::h2));
        if (!"false".equals(System.getProperty("ivr.test.postgres"))) {
            contexts.add(invocation("PostgreSQL", TestDatabases::postgres));
        }
        return contexts.stream();
    }

    /**
     * A fresh in-memory H2 database, migrated ahead of the test by a background thread (by
     * {@link Database#open}, as the gateway migrates at start-up) and shut down after it by that thread.
     */
    public static TestDatabase h2() {
        String url = H2.AHEAD.take();
        return new TestDatabase("H2", url, "sa", () -> H2.AHEAD.later(() -> execute(url, "sa", "SHUTDOWN")));
    }

    /**
     * A fresh database on the shared embedded PostgreSQL server: a copy ({@code CREATE DATABASE … TEMPLATE})
     * of a template migrated once per test JVM, so a test does not pay for the migrations, made ahead of
     * the test by a background thread and dropped after it by that thread, so a test waits for neither
     * (docs/TESTING.md).
     */
    public static TestDatabase postgres() {
        String name = Postgres.newDatabase();
        return new TestDatabase("PostgreSQL", Postgres.url(name), "postgres", () -> Postgres.AHEAD.later(() ->
                execute(Postgres.url("postgres"), "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    private static TestTemplateInvocationContext invocation(String name, Supplier<TestDatabase> db) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return name;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Resolver(db));
            }
        };
    }

    private static final class Resolver implements ParameterResolver, AfterEachCallback {
        private final Supplier<TestDatabase> factory;
        private TestDatabase current;

        Resolver(Supplier<TestDatabase> factory) {
            this.factory = factory;
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            if (current == null) current = factory.get();
            return current;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /**
     * Databases made a few ahead of the tests that take them, and put away after them, by one background
     * daemon thread of their own: the tests spend their time on neither (docs/TESTING.md, "Databases").
     */
    private static final class Ahead {
        private static final int READY = 3;
        private final Supplier<String> make;
        private final ExecutorService worker;
        private final Deque<Future<String>> made = new ArrayDeque<>();

        Ahead(String name, Supplier<String> make) {
            this.make = make;
            this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name).factory());
        }

        /** The next database made: waits for it when the thread has not made it yet. */
        String take() {
            Future<String> next;
            synchronized (this) {
                while (made.size() <= READY) made.add(worker.submit(make::get));
                next = made.poll();
            }
            try {
                return next.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot make a test database: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while making a test database", e);
            }
        }

        /** Puts a database away once its test has closed every connection it opened. */
        void later(Runnable putAway) {
            worker.execute(() -> {
                try {
                    putAway.run();
                } catch (RuntimeException e) {
                    // a database left behind costs a little memory, no test: every test has its own
                    System.err.println("test database not put away: " + e.getMessage());
                }
            });
        }
    }

    /** In-memory H2 databases, each migrated when made. */
    private static final class H2 {
        static final Ahead AHEAD = new Ahead("test-h2-databases", () -> {
            String url = "jdbc:h2:mem:t" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
            Database.open(url, "sa", "", 2).close();
            return url;
        });
    }

    /**
     * One embedded PostgreSQL server per test JVM, started on first use and stopped at exit, without fsync
     * (its data directory is thrown away). Its database {@value #TEMPLATE} is migrated once, by
     * {@link Database#open} from the class path's {@code db/migration} as the gateway migrates at start-up,
     * so every migration, a new one included, is in every copy; then it takes no connections (autovacuum
     * included), so copying it never waits. Copies are made ahead ({@link Ahead}): a copy takes 30–60 ms on
     * a quiet machine but up to a second on the shared one.
     */
    private static final class Postgres {
        private static final String TEMPLATE = "migrated_template";
        static final Ahead AHEAD = new Ahead("test-postgres-databases", () -> {
            String name = "t" + COUNTER.incrementAndGet();
            execute(url("postgres"), "postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
            return name;
        });
        private static EmbeddedPostgres server;

        static String newDatabase() {
            synchronized (Postgres.class) {
                if (server == null) server = start();
            }
            return AHEAD.take();
        }

        static synchronized String url(String database) {
            return server.getJdbcUrl("postgres", database);
        }

        private static EmbeddedPostgres start() {
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is a temp dir
                }
            }));
            String admin = pg.getJdbcUrl("postgres", "postgres");
            execute(admin, "postgres", "CREATE DATABASE " + TEMPLATE);
            Database.open(pg.getJdbcUrl("postgres", TEMPLATE), "postgres", "", 2).close();
            execute(admin, "postgres", "ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return pg;
        }
    }
}
