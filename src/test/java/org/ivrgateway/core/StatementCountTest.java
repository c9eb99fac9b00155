package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.ivrgateway.api.Result;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * What one invocation costs the database: its transactions (units of work, each on a connection of the
 * pool) and its SQL statements, counted through datasource-proxy's JDBC wrapper around every unit of
 * work's connection. The figures are in docs/ARCHITECTURE.md, "Statements of one Enqueue".
 */
class StatementCountTest {

    /** Counts the units of work and the statements run on their connections while {@link #on} is set. */
    static final class Counter implements UnaryOperator<Connection>, QueryExecutionListener {
        final AtomicInteger transactions = new AtomicInteger();
        final List<String> statements = Collections.synchronizedList(new ArrayList<>());
        volatile boolean on;
        private final ProxyConfig proxy = ProxyConfig.Builder.create().queryListener(this).build();

        @Override
        public Connection apply(Connection c) {
            if (on) transactions.incrementAndGet();
            return JdbcProxyFactory.DEFAULT.createConnection(c, new ConnectionInfo(), proxy);
        }

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
            if (on) queries.forEach(q -> statements.add(q.getQuery()));
        }

        void start() {
            transactions.set(0);
            statements.clear();
            on = true;
        }

        String report() {
            on = false;
            return transactions.get() + " transactions, " + statements.size() + " statements:\n  "
                    + String.join("\n  ", statements);
        }
    }

    /** A center whose units of work are counted, and a monitored call its script has queried. */
    private record Counted(Fixture f, Counter counter, ContactCenter center, Fixture.Script call) {
        static Counted on(TestDatabase db, boolean agentFree) {
            Fixture f = new Fixture(db);
            Counter counter = new Counter();
            ContactCenter center = new ContactCenter(f.test.open(), f.config, f.clock, counter);
            if (agentFree) f.available(ALAN, "5001");
            return new Counted(f, counter, center, f.monitored(IVR, "9055557900", "69030"));
        }

        Result enqueue() {
            return center.enqueue(call.session(), call.callId(), 1, SALES, 12, "first", null);
        }
    }

    @BothDatabases
    void enqueueIsOneTransaction(TestDatabase db) {
        Counted c = Counted.on(db, false);
        c.counter.start();
        Result q = c.enqueue();
        String figures = c.counter.report();
        assertEquals(0, q.returnCode(), q.detail());
        System.out.println("Enqueue, no agent free: " + figures);
        assertEquals(1, c.counter.transactions.get(), figures);
        // Before one transaction per invocation: 3 transactions, 13 statements on H2; 12 with it, 3 more since
        // the queue report's running sums are kept as the stay opens, and 1 more since the call's place is
        // counted in the queue ranks (its upsert; the two counts it replaced are read from them instead,
        // docs/ARCHITECTURE.md).
        assertTrue(c.counter.statements.size() <= 16, figures);
        assertEquals(0L, c.counter.statements.stream().filter(q2 -> q2.contains("COUNT(*) FROM ivr_call WHERE queue_name"))
                .count(), "no waiting call is counted: " + figures);
        assertEquals(1L, c.counter.statements.stream().filter(q2 -> q2.contains("FROM ivr_call WHERE call_id")).count(),
                "the call row is read once: " + figures);
    }

    @BothDatabases
    void enqueueToAFreeAgentIsOneTransaction(TestDatabase db) {
        Counted c = Counted.on(db, true);
        c.counter.start();
        Result q = c.enqueue();
        String figures = c.counter.report();
        assertEquals(0, q.returnCode(), q.detail());
        System.out.println("Enqueue, an agent free: " + figures);
        assertEquals(1, c.counter.transactions.get(), figures);
        assertTrue(figures.contains("UPDATE agent_state"), "the agent was assigned: " + figures);
    }

    @BothDatabases
    void queryCallStatusWithoutWaitIsOneTransaction(TestDatabase db) {
        Counted c = Counted.on(db, false);
        assertEquals(0, c.enqueue().returnCode());
        c.counter.start();
        Result s = c.center.queryCallStatus(c.call.session(), c.call.callId(), 0);
        String figures = c.counter.report();
        assertEquals(1, s.returnCode(), s.detail());
        System.out.println("QueryCallStatus: " + figures);
        assertEquals(1, c.counter.transactions.get(), figures);
        assertEquals(1L, c.counter.statements.stream().filter(q -> q.contains("FROM ivr_call WHERE call_id")).count(),
                "the call row is read once: " + figures);
    }

    /**
     * A call that ends with nobody waiting reads the head of the queue (an index walk with LIMIT) and not the
     * rows of the available agents (500 of them in the benchmark, where calls end at an agent who is free).
     */
    @BothDatabases
    void aCallThatEndsWithNobodyQueuedReadsNoAgentRows(TestDatabase db) {
        Counted c = Counted.on(db, true);
        assertEquals(0, c.enqueue().returnCode());
        c.center.answered(c.call.callId());
        c.counter.start();
        c.center.cleared(c.call.callId());
        String figures = c.counter.report();
        System.out.println("cleared, nobody queued: " + figures);
        assertEquals(0L, c.counter.statements.stream().filter(q -> q.contains("FROM agent_state WHERE status")).count(),
                "no available agent is read: " + figures);
        assertTrue(figures.contains("FROM ivr_call WHERE status"), "the head of the queue is read: " + figures);
    }
}
