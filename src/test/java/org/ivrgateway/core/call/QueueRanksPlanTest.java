package org.ivrgateway.core.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

/**
 * The reads of the queue ranks go through their indexes on both databases, so that they read a bounded
 * number of rows (docs/STATISTICS.md, "Queue ranks"): the nodes of a prefix are looked up in the primary key
 * of queue_rank (on H2 only when node is its first column), the oldest call is the first entry of
 * ivr_call_queue_arrival (on H2 only when the statement is written for it: otherwise it sorted the queue's
 * calls read through ivr_call_queue), the calls of one second and one priority a range of
 * ivr_call_queue_order. On PostgreSQL, with sequential scans off (its choice on so small a table depends on
 * its statistics): no sequential scan and no sort.
 */
class QueueRanksPlanTest {
    static final long T0 = Instant.parse("2025-03-04T09:00:00Z").toEpochMilli();

    @BothDatabases
    void theReadsOfTheRanksGoThroughTheirIndexes(TestDatabase test) throws Exception {
        Database db = test.open();
        db.inTransaction(c -> {
            Statement s = c.createStatement();
            for (int i = 0; i < 2_000; i++) {
                Sql.update(c, "INSERT INTO ivr_call (call_id, uuid, monitored, ani, dnis, visits, fmnq, status, queue_name,"
                                + " priority, in_center, queued_ms, transferable, ended, created_ms, version)"
                                + " VALUES (?, 'u', TRUE, 'a', 'd', 1, FALSE, ?, ?, ?, FALSE, ?, TRUE, FALSE, 0, 1)",
                        "plan" + i, i % 7 == 0 ? CallStatus.IDLE.code() : CallStatus.QUEUED.code(),
                        i % 2 == 0 ? "Sales" : "Support", 1 + i % 5, T0 + i * 300L);
                Sql.update(c, "INSERT INTO queue_rank (queue_name, ordering, node, waiting) VALUES (?, 0, ?, 1)",
                        i % 2 == 0 ? "Sales" : "Support", (long) i + 1);
            }
            s.execute("ANALYZE");
            if (db.isPostgres()) s.execute("SET enable_seqscan = off");
            CallRow call = Calls.map(rowOf(c, "plan1000"));
            String position = explain(c, Calls.positionQuery(call));
            String waiting = explain(c, Calls.waitingQuery("Sales", T0 + 300_000));
            if (db.isPostgres()) {
                for (String plan : new String[] {position, waiting}) {
                    assertFalse(plan.contains("Seq Scan"), plan);
                    assertFalse(plan.contains("Sort"), plan);
                    assertTrue(plan.contains("queue_rank_pkey"), plan);
                }
                assertTrue(waiting.contains("ivr_call_queue_arrival"), waiting);
            } else {
                for (String plan : new String[] {position, waiting}) {
                    assertTrue(plan.matches("(?s).*queue_rank\"\\s+/\\* public\\.PRIMARY_KEY_\\w+: node IN\\(.*"), plan);
                    assertFalse(plan.contains("public.ivr_call_queue:"), plan);
                }
                assertTrue(position.contains("public.ivr_call_queue_order: priority = ?"), position);
                assertTrue(waiting.contains("/* index sorted */"), waiting);
                assertTrue(waiting.contains("public.ivr_call_queue_arrival: queued_ms >= ?"), waiting);
            }
            return null;
        });
    }

    private static ResultSet rowOf(Connection c, String callId) throws java.sql.SQLException {
        PreparedStatement ps = c.prepareStatement("SELECT * FROM ivr_call WHERE call_id = ?");
        ps.setString(1, callId);
        ResultSet rs = ps.executeQuery();
        assertTrue(rs.next());
        return rs;
    }

    private static String explain(Connection c, Calls.Query q) throws java.sql.SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + q.sql())) {
            Sql.bind(ps, q.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
