package org.ivrgateway.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One fresh, empty database for one test: its JDBC URL, and {@link #open} to get a migrated
 * {@link Database} on it, as many times as the test likes (a restart is a second open on the same URL).
 * Everything opened is closed, and the database dropped, when the test ends.
 */
public final class TestDatabase implements AutoCloseable {
    private final String kind;
    private final String url;
    private final String user;
    private final Runnable drop;
    private final List<Database> opened = new ArrayList<>();

    TestDatabase(String kind, String url, String user, Runnable drop) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.drop = drop;
    }

    /** "H2" or "PostgreSQL". */
    public String kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public synchronized Database open() {
        Database db = Database.open(url, user, "", 8);
        opened.add(db);
        return db;
    }

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        opened.clear();
        drop.run();
    }

    @Override
    public String toString() {
        return kind;
    }
}
