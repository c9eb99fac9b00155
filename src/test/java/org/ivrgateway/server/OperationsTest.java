package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.web.ops.MeteredIvrApi;

/** /health follows the database; /metrics counts requests by endpoint and status, and functions by return code. */
class OperationsTest {

    @BothDatabases
    void healthIsUpWhileTheDatabaseAnswersAnd503WhenItDoesNot(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest.Answer up = node.rest().get("/health");
            assertEquals(200, up.status(), up.text());
            assertEquals("UP", up.field("status"));
            assertEquals("UP", up.field("database"));

            node.db().close();
            Rest.Answer down = node.rest().get("/health");
            assertEquals(503, down.status(), down.text());
            assertEquals("DOWN", down.field("status"));
        }
    }

    @BothDatabases
    void metricsCountRequestsByEndpointAndStatus(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            int logins = 2;
            for (int i = 0; i < logins; i++) node.rest().post("/api/agents/999999/login", "{\"device\":\"5001\"}");
            node.rest().get("/api/queues");

            Rest.Answer metrics = node.rest().get("/metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(metrics.text().contains("http_server_requests_seconds_count{channel=\"rest\","
                    + "endpoint=\"POST /api/agents/{id}/login\",status=\"404\"} " + logins), metrics.text());
            assertTrue(metrics.text().contains("http_server_requests_seconds_count{channel=\"rest\","
                    + "endpoint=\"GET /api/queues\",status=\"200\"} 1"), metrics.text());
            assertTrue(metrics.text().contains("jvm_memory_used_bytes"));
        }
    }

    @BothDatabases
    void everyQueuesLiveFiguresAreGaugesOfTheMetrics(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Script call = Script.monitored(node, "36200", "4165550100", "69030");
            node.center().enqueue(call.session, call.callId, 1, "Sales", 5, null, null);
            node.rest().post("/api/agents/790008/login", "{\"device\":\"5003\"}");
            var sales = node.center().queues().stream().filter(q -> q.name().equals("Sales")).findFirst().orElseThrow();
            String metrics = node.rest().get("/metrics").text();
            assertTrue(metrics.contains("ivr_queue_calls_waiting{queue=\"Sales\"} " + (double) sales.callsWaiting()), metrics);
            assertTrue(metrics.contains("ivr_queue_calls_waiting{queue=\"Support\"} 0.0"), metrics);
            assertTrue(metrics.contains("ivr_queue_service_level_percent{queue=\"Sales\"} " + (double) sales.serviceLevel()), metrics);
            assertTrue(metrics.contains("ivr_queue_estimated_wait_seconds{queue=\"Sales\"}"), metrics);
            assertTrue(metrics.contains("ivr_queue_agents{queue=\"Support\",state=\"UNAVAILABLE\"} 1.0"), metrics);
        }
    }

    @BothDatabases
    void subdialogRequestsAreCountedByFunctionAndReturnCode(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest.Answer vxml = node.rest().get("/vxml/initialize?LocalPort=0&AdminServerName=x&RpcTimeout=1000");
            assertEquals(200, vxml.status(), vxml.text());
            String metrics = node.rest().get("/metrics").text();
            assertTrue(metrics.contains("http_server_requests_seconds_count{channel=\"vxml\",endpoint=\"Initialize\","
                    + "status=\"200\"} 1"), metrics);
            assertTrue(metrics.contains("ivr_function_calls_seconds_count{function=\"Initialize\",returnCode=\""
                    + ReturnCode.INVALID_PARAMETER.code() + "\"} 1"), metrics);
        }
    }

    @BothDatabases
    void functionCallsAreCountedByFunctionAndReturnCode(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            MeteredIvrApi api = new MeteredIvrApi(node.center(), registry);
            api.initialize("ivr", "1", "6000@localhost", 1000);
            api.initialize("ivr", "0", "6000@localhost", 1000);
            api.initialize("ivr", "2", "6000@localhost", 1000);

            assertEquals(2, count(registry, IvrFunction.INITIALIZE, 0));
            assertEquals(1, count(registry, IvrFunction.INITIALIZE, ReturnCode.INVALID_PARAMETER.code()));
        }
    }

    private static long count(PrometheusMeterRegistry registry, IvrFunction function, int code) {
        return registry.get("ivr.function.calls").tags("function", function.guideName(),
                "returnCode", String.valueOf(code)).timer().count();
    }
}
