package org.ivrgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Migrations V1 and V2 once had comments that cited a document outside the repository; only those comment
 * lines changed, yet Flyway's checksum covers comments, so a database migrated before would refuse to
 * start. Before Flyway validates, the recorded checksum of exactly that old text is moved to the new one:
 * any other difference still fails validation, as it should (docs/RELIABILITY.md, "Schema upgrades").
 */
final class MigrationComments {
    /** Version, checksum of the old text, checksum of the text shipped now. */
    private static final int[][] REWORDED = {{1, -2087271072, -1104600665}, {2, -1221638291, -2034114330}};

    private MigrationComments() {
    }

    static void realign(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            if (!historyExists(c)) return;
            try (PreparedStatement update = c.prepareStatement("UPDATE flyway_schema_history SET checksum = ?"
                    + " WHERE version = ? AND checksum = ?")) {
                for (int[] m : REWORDED) {
                    update.setInt(1, m[2]);
                    update.setString(2, Integer.toString(m[0]));
                    update.setInt(3, m[1]);
                    update.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) c.commit();
        }
    }

    private static boolean historyExists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return rs.next();
        }
    }
}
