package org.ivrgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;

class DatabaseTest {

    @BothDatabases
    void migratesOnOpenAndCommitsWork(TestDatabase test) {
        Database db = test.open();
        assertTrue(db.isReachable());
        db.inTransaction(c -> c.createStatement().execute("CREATE TABLE probe (n INT)"));
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO probe VALUES (1)"));
        assertEquals(1, count(db));
    }

    @BothDatabases
    void failedWorkIsRolledBack(TestDatabase test) {
        Database db = test.open();
        db.inTransaction(c -> c.createStatement().execute("CREATE TABLE probe (n INT)"));
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO probe VALUES (1)");
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, count(db));
    }

    private static int count(Database db) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

}
