package org.ivrgateway.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.TelephonyConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Store;

/**
 * The states QuerySystemStatus reports (docs/CONFORMANCE.md; the names are recorded in docs/CONFORMANCE.md):
 * <ul>
 * <li>{@code AdministrationServer}: 1 — the configuration is loaded and this node answers;</li>
 * <li>{@code Database}: 1 when it answers a query now, else 0;</li>
 * <li>{@code RoutingServer}: 1 while the core is open and its database answers, else 0;</li>
 * <li>{@code TServer}: without {@code telephony.heartbeatSeconds}, 8 (operational): the built-in REST
 *     telephony has no connection to lose. With it, 8 while the telephony side spoke (a report, a poll of
 *     its events, a heartbeat; never the console's reading) within that many seconds, 3 (not operational)
 *     once it has been silent longer, 2 (no indication) when the database cannot tell. With Kamailio as the
 *     switch (telephony.sip, docs/TELEPHONY.md) the heartbeat is Kamailio answering the gateway's ping.</li>
 * </ul>
 * OverallStatus is 1 when the database and the routing server are up, else 0.
 */
final class SystemStatusProbe {
    private final Store store;
    private final TelephonyConfig telephony;
    private volatile boolean open = true;

    SystemStatusProbe(Store store, TelephonyConfig telephony) {
        this.store = store;
        this.telephony = telephony;
    }

    void closed() {
        open = false;
    }

    Views.SystemStatus status() {
        boolean db = store.database().isReachable();
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("AdministrationServer", 1);
        c.put("Database", db ? 1 : 0);
        c.put("RoutingServer", db && open ? 1 : 0);
        c.put("TServer", telephonyState(db));
        return new Views.SystemStatus(db && open ? 1 : 0, c);
    }

    /**
     * QuerySystemStatus as the invoker runs it: the session checked in the invocation's transaction, the
     * probes (each on a connection of its own) once it has committed.
     */
    Handler.Continued function() {
        return args -> new Handler.Continued.Run() {
            @Override
            public Result handle(org.ivrgateway.core.internal.Tx tx, Request r) {
                return null;
            }

            @Override
            public Result then(Request r, Result first) {
                return toResult(status());
            }

            @Override
            public void close() {
            }
        };
    }

    static Result toResult(Views.SystemStatus s) {
        String states = s.components().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        return Result.success(org.ivrgateway.api.IvrFunction.QUERY_SYSTEM_STATUS).with(Param.OVERALL_STATUS, s.overall())
                .with(Param.INDIVIDUAL_SERVER_STATES, states).with(Param.ENTRIES, s.components().size());
    }

    private int telephonyState(boolean db) {
        if (!telephony.watchesHeartbeat()) return 8;
        if (!db) return 2;
        try {
            long silentMs = store.transaction(tx -> tx.now() - Sql.one(tx.c(),
                    "SELECT last_ms FROM telephony_contact WHERE id = 1", rs -> rs.getLong(1)).orElse(0L));
            return silentMs <= telephony.heartbeatSeconds() * 1000L ? 8 : 3;
        } catch (RuntimeException e) {
            return 2;
        }
    }
}
