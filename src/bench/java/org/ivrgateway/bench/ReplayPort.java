package org.ivrgateway.bench;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The baseline's port: the same requests as {@link IvrPort}'s call (same paths, same bodies, same parsing
 * of the answer), in the same order, closed loop, against a server that answers every one of them with one
 * static document. What it measures is Jetty plus the generator, with no gateway behind.
 */
final class ReplayPort implements Runnable {
    private final int port;
    private final IvrClient client;
    private final Supplier<Recorder> recorder;
    private final BooleanSupplier running;

    ReplayPort(int port, IvrClient client, Supplier<Recorder> recorder, BooleanSupplier running) {
        this.port = port;
        this.client = client;
        this.recorder = recorder;
        this.running = running;
    }

    @Override
    public void run() {
        String device = Devices.ivrDevice(port);
        String ani = "416555" + String.format("%04d", port % 10_000);
        String callId = "C" + port;
        String session = "S" + port;
        while (running.getAsBoolean()) {
            client.rest("offer", "/api/telephony/offer",
                    "{\"device\":\"" + device + "\",\"ani\":\"" + ani + "\",\"dnis\":\"69030\"}");
            client.call("Initialize", "LocalPort", Devices.localPort(port), "AdminServerName", "6000@localhost",
                    "RpcTimeout", "10000");
            client.call("QuerySystemStatus", "SessionID", session);
            client.call("QueryCallInfo", "SessionID", session, "Device", device);
            client.call("SetContactData", "SessionID", session, "CallID", callId, "Key", "Account", "Value", "ACC-" + port);
            client.call("QueryQueueStatistics", "SessionID", session, "QueueName", Devices.QUEUE);
            client.call("Enqueue", "SessionID", session, "CallID", callId, "IVRHold", "1", "QueueName", Devices.QUEUE,
                    "InitialPriority", "1", "Description", "bench", "ANIDNIS", ani + ";69030");
            client.callAs("QueryCallStatus (waiting)", "QueryCallStatus", "SessionID", session, "CallID", callId,
                    "Timeout", "2000");
            client.call("Transfer", "SessionID", session, "CallID", callId, "ToDevice", Devices.agentDevice(0));
            client.rest("answered", "/api/calls/" + callId + "/answered", "{}");
            client.rest("cleared", "/api/calls/" + callId + "/cleared", "{}");
            recorder.get().callsCompleted.increment();
        }
    }
}
