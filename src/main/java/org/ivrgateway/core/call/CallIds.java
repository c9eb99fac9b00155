package org.ivrgateway.core.call;

import java.sql.SQLException;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * CallIDs: at most 18 digits, unique across every node on the database. The first 10 digits are the
 * creation second (readable in logs, as the guide's examples are), the last 8 come from a database
 * sequence, so two nodes never hand out the same one.
 */
final class CallIds {
    private CallIds() {
    }

    static String next(Tx tx) throws SQLException {
        long seq = Sql.one(tx.c(), "SELECT nextval('call_seq')", rs -> rs.getLong(1)).orElseThrow();
        long seconds = (tx.now() / 1000) % 10_000_000_000L;
        return String.format("%010d%08d", seconds, seq % 100_000_000L);
    }
}
