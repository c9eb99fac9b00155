package org.ivrgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.ResultSet;
import org.flywaydb.core.api.FlywayException;

/**
 * A database migrated while V1 and V2 still carried their old comments opens on today's migrations (the
 * recorded checksums of exactly that old text are moved to the new ones); any other difference still stops
 * the start (docs/RELIABILITY.md, "Schema upgrades").
 */
class MigrationCommentsTest {
    private static final int OLD_V1 = -2087271072;
    private static final int OLD_V2 = -1221638291;

    @BothDatabases
    void aDatabaseMigratedWithTheOldCommentsOpensAndIsRealigned(TestDatabase test) throws Exception {
        int newV1;
        int newV2;
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            newV1 = checksum(db, "1");
            newV2 = checksum(db, "2");
            setChecksum(db, "1", OLD_V1);
            setChecksum(db, "2", OLD_V2);
        }
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            assertEquals(newV1, checksum(db, "1"));
            assertEquals(newV2, checksum(db, "2"));
        }
    }

    @BothDatabases
    void anyOtherChangeOfAMigrationStillStopsTheStart(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            setChecksum(db, "1", 12345);
        }
        assertThrows(FlywayException.class, () -> Database.open(test.url(), test.user(), "", 2).close());
    }

    private static int checksum(Database db, String version) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT checksum FROM flyway_schema_history WHERE version = '" + version + "'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void setChecksum(Database db, String version, int checksum) {
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '" + version + "'"));
    }
}
