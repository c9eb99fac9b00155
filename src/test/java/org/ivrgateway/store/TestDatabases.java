package org.ivrgateway.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A fresh in-memory H2 database. */
    public static TestDatabase h2() {
        String name = "t" + COUNTER.incrementAndGet();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
        return new TestDatabase("H2", url, "sa", () -> execute(url, "sa", "SHUTDOWN"));
    }

    /** A fresh database on the shared embedded PostgreSQL server. */
    public static TestDatabase postgres() {
        EmbeddedPostgres pg = Postgres.server();
        String name = "t" + COUNTER.incrementAndGet();
        String admin = pg.getJdbcUrl("postgres", "postgres");
        execute(admin, "postgres", "CREATE DATABASE " + name);
        String url = pg.getJdbcUrl("postgres", name);
        return new TestDatabase("PostgreSQL", url, "postgres",
                () -> execute(admin, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    private static TestTemplateInvocationContext invocation(String name, java.util.function.Supplier<TestDatabase> db) {
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
        private final java.util.function.Supplier<TestDatabase> factory;
        private TestDatabase current;

        Resolver(java.util.function.Supplier<TestDatabase> factory) {
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

    /** One embedded PostgreSQL server per test JVM, started on first use and stopped at exit. */
    private static final class Postgres {
        private static EmbeddedPostgres server;

        static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data directory is a temp dir
                    }
                }));
            }
            return server;
        }
    }
}
