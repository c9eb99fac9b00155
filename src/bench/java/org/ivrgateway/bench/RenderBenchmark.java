package org.ivrgateway.bench;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.gateway.Gateway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Binding and rendering one document: a namelist POST to {@code /vxml/{Function}} through Jetty's
 * in-memory connector (HTTP parsing, form decoding, the gateway's binding, the Thymeleaf result template),
 * over an API that answers at once with a fixed result, so that only the gateway's own cost is measured.
 * The answer is checked for its ReturnCode, so a broken page cannot pass for a fast one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
    @Param({"Enqueue", "QueryCallStatus"})
    public String function;

    private Server server;
    private LocalConnector connector;
    private String request;

    @Setup
    public void start() throws Exception {
        IvrApi fixed = invocation -> answer(invocation.function());
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        Gateway.create(fixed, null).install(context);
        server.setHandler(context);
        server.start();
        String body = function.equals("Enqueue")
                ? IvrClient.form("SessionID", "3f1c2a9e-5b7d-4e8a-9c61-0d2f4b8a7e15", "CallID", "C00000000012345",
                        "IVRHold", "1", "QueueName", Devices.QUEUE, "InitialPriority", "1", "Description", "bench",
                        "ANIDNIS", "4165550100/69030")
                : IvrClient.form("SessionID", "3f1c2a9e-5b7d-4e8a-9c61-0d2f4b8a7e15", "CallID", "C00000000012345",
                        "Timeout", "0");
        request = "POST /vxml/" + function + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
    }

    private static Result answer(IvrFunction f) {
        return switch (f) {
            case ENQUEUE -> Result.success(f).with("EstimatedWait", 42).with("CallsInQueue", 7);
            case QUERY_CALL_STATUS -> Result.of(f, 2).with("Extension", "500017").with("PositionInQueue", 0);
            default -> Result.success(f);
        };
    }

    @Benchmark
    public String bindAndRender() throws Exception {
        String response = connector.getResponse(request);
        if (response == null || !response.contains("name=\"ReturnCode\"")) {
            throw new IllegalStateException("not a result document: " + response);
        }
        return response;
    }

    @TearDown
    public void stop() throws Exception {
        server.stop();
    }
}
