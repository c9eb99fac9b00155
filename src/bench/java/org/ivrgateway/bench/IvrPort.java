package org.ivrgateway.bench;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One IVR port running the IVR-hold flow of the guide's chapter 2, call after call: the telephony side
 * offers a call at the port's device; the script runs Initialize, QuerySystemStatus, QueryCallInfo,
 * SetContactData, QueryQueueStatistics and Enqueue (IVRHold 1), then loops on QueryCallStatus until an
 * agent is assigned (status 2) and transfers the call to the returned extension, where a simulated agent
 * answers it. A step that fails abandons the call (the caller hangs up: cleared) and the port goes on.
 */
final class IvrPort implements Runnable {
    private final int port;
    private final Scenario scenario;
    private final IvrClient client;
    private final AgentPool agents;
    private final Supplier<Recorder> recorder;
    private final BooleanSupplier running;
    private final long firstStartNanos;
    private final java.util.concurrent.atomic.AtomicInteger inCall;

    IvrPort(int port, Scenario scenario, IvrClient client, AgentPool agents, Supplier<Recorder> recorder,
            BooleanSupplier running, long firstStartNanos, java.util.concurrent.atomic.AtomicInteger inCall) {
        this.port = port;
        this.scenario = scenario;
        this.client = client;
        this.agents = agents;
        this.recorder = recorder;
        this.running = running;
        this.firstStartNanos = firstStartNanos;
        this.inCall = inCall;
    }

    @Override
    public void run() {
        long next = firstStartNanos;
        long cycle = scenario.cycleNanos();
        while (running.getAsBoolean()) {
            long wait = next - System.nanoTime();
            if (wait > 0) AgentPool.sleep(Math.max(1, wait / 1_000_000));
            if (!running.getAsBoolean()) return;
            next = Math.max(next + cycle, cycle == 0 ? 0 : System.nanoTime() - cycle);
            oneCall();
        }
    }

    private void oneCall() {
        String device = Devices.ivrDevice(port);
        String ani = "416555" + String.format("%04d", port % 10_000);
        String offered = client.rest("offer", "/api/telephony/offer",
                "{\"device\":\"" + device + "\",\"ani\":\"" + ani + "\",\"dnis\":\"69030\"}");
        String offeredId = offered == null ? null : IvrClient.jsonField(offered, "callId");
        if (offeredId == null) {
            if (offered != null) recorder.get().error("offer", "no callId in the answer", offered);
            return;
        }
        recorder.get().callsStarted.increment();
        inCall.incrementAndGet();
        String callId = offeredId;
        try {
            ResultDocument init = expect(0, client.call("Initialize", "LocalPort", Devices.localPort(port),
                    "AdminServerName", "6000@localhost", "RpcTimeout", "10000"), "Initialize");
            if (init == null) return;
            String session = init.get("SessionID");
            prompt();
            if (expect(0, client.call("QuerySystemStatus", "SessionID", session), "QuerySystemStatus") == null) return;
            ResultDocument info = expect(0, client.call("QueryCallInfo", "SessionID", session, "Device", device),
                    "QueryCallInfo");
            if (info == null) return;
            callId = info.get("CallID");
            if (!callId.equals(offeredId)) {
                recorder.get().error("QueryCallInfo", "CallID differs from the offered call", callId + " vs " + offeredId);
                return;
            }
            if (expect(0, client.call("SetContactData", "SessionID", session, "CallID", callId, "Key", "Account",
                    "Value", "ACC-" + port), "SetContactData") == null) return;
            prompt();
            if (expect(0, client.call("QueryQueueStatistics", "SessionID", session, "QueueName", Devices.QUEUE),
                    "QueryQueueStatistics") == null) return;
            ResultDocument enqueued = expect(0, client.call("Enqueue", "SessionID", session, "CallID", callId,
                    "IVRHold", "1", "QueueName", Devices.QUEUE, "InitialPriority", "1", "Description", "bench",
                    "ANIDNIS", ani + ";69030"), "Enqueue");
            if (enqueued == null) return;
            long queued = System.nanoTime();
            int estimate = seconds(enqueued.get("EstimatedWait"));
            String extension = waitForAgent(session, callId);
            if (extension == null) {
                recorder.get().estimates.abandoned(Devices.QUEUE);
                return;
            }
            long assigned = System.nanoTime();
            recorder.get().estimates.answered(Devices.QUEUE, estimate, assigned - queued);
            if (expect(0, client.call("Transfer", "SessionID", session, "CallID", callId, "ToDevice", extension),
                    "Transfer") == null) return;
            agents.take(callId, extension, queued, assigned);
            recorder.get().callsCompleted.increment();
            callId = null; // the agent's now
        } finally {
            inCall.decrementAndGet();
            if (callId != null) client.rest("cleared", "/api/calls/" + callId + "/cleared", "{}");
        }
    }

    /** QueryCallStatus until status 2; the extension, or null when the call ends otherwise or the run stops. */
    private String waitForAgent(String session, String callId) {
        int timeout = scenario.waitMillis();
        String kind = timeout > 0 ? "QueryCallStatus (waiting)" : "QueryCallStatus";
        while (running.getAsBoolean()) {
            ResultDocument status = client.callAs(kind, "QueryCallStatus", "SessionID", session, "CallID", callId,
                    "Timeout", Integer.toString(timeout));
            if (status == null) return null;
            int rc = status.returnCode();
            if (timeout == 0 && (rc == 1 || rc == 2)) recorder.get().admitted(status.micros());
            if (rc == 2) return status.get("Extension");
            if (rc != 1 && rc != -701) {
                recorder.get().error(kind, "status " + rc, null);
                recorder.get().refused("ReturnCode " + rc, status.micros());
                return null;
            }
            // A -701 long before the Timeout is no timeout but a wait refused (admission control): counted so,
            // and the script plays a prompt before asking again, instead of asking again at once.
            boolean refusedEarly = timeout > 0 && rc == -701 && status.micros() < timeout * 500L;
            if (refusedEarly) recorder.get().refused("ReturnCode -701 (wait refused early)", status.micros());
            if (timeout == 0 || refusedEarly) AgentPool.sleep(Math.max(200, scenario.promptMillis()));
        }
        return null;
    }

    private ResultDocument expect(int code, ResultDocument doc, String kind) {
        return client.expect(code, doc, kind);
    }

    /** EstimatedWait as the script reads it (whole seconds); 0 when it is not a number. */
    private static int seconds(String value) {
        try {
            return (int) Math.round(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void prompt() {
        if (scenario.promptMillis() > 0) AgentPool.sleep(scenario.promptMillis());
    }
}
