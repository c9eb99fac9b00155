package org.ivrgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;

/**
 * The load generator's smoke runs, as CI runs them: every phase for a few seconds, a few ports, gateways it
 * starts in this JVM on free ports. They must complete calls and write every report; how fast is not
 * asserted here (that is what docs/BENCHMARKS.md is for).
 */
@Slow
@Isolated("drives the gateway at full speed and reads its CPU and threads")
class LoadGeneratorSmokeTest {
    private static final List<String> SMALL = List.of("--in-process", "--saturation-ports", "3", "--ports", "20",
            "--rate", "10", "--ivr-seconds", "0.2", "--agents", "5", "--warmup", "1", "--duration", "3");

    @Test
    @Timeout(180)
    void aShortRunCompletesCallsInEveryPhaseAndReportsEstimatesOverloadAndProfiles(@TempDir Path out) throws Exception {
        LoadGenerator generator = new LoadGenerator();
        int exit = run(generator, "--db", "h2mem", "--phases", "gateway,baseline,sizing,overload,wakeup",
                "--recovery", "2", "--out", out.toString());

        assertEquals(0, exit, "exit status");
        assertEquals(List.of("gateway", "baseline", "sizing", "overload"),
                generator.result.phases().stream().map(PhaseResult::phase).toList());
        for (PhaseResult phase : generator.result.phases()) {
            assertTrue(phase.latencyMs().containsKey("Enqueue"), phase.phase() + " timed no Enqueue");
            if (phase.phase().equals("overload")) {
                // Refusals are what an overload may bring; its calls may outlast a 3-second window.
                assertTrue(phase.callsStarted() > 0, "the overload offered no call");
                continue;
            }
            assertEquals(0, phase.errors(), phase.phase() + " errors: " + phase.errorSamples());
            assertTrue(phase.callsCompleted() > 0, phase.phase() + " completed no call");
        }
        assertTrue(generator.result.gatewayToBaseline() > 0);

        PhaseResult sizing = generator.result.phases().get(2);
        EstimateAccuracy.Summary estimates = sizing.estimatedWait().get(EstimateAccuracy.ALL);
        assertNotNull(estimates, "estimates compared: " + sizing.estimatedWait());
        assertTrue(estimates.answered() > 0, "no call's estimate compared with its wait");
        assertEquals(estimates, sizing.estimatedWait().get(Devices.QUEUE), "one queue: its figures are the total");
        assertTrue(sizing.admittedMs().count() > 0, "no admitted answer counted");

        Recovery recovery = generator.result.overloadRecovery();
        assertNotNull(recovery, "the overload phase watched the seconds after it");
        assertEquals(2, recovery.perSecond().size());
        assertNull(generator.result.wakeup(), "no second node on H2");

        Path dir = generator.runDirectory;
        assertTrue(Files.size(dir.resolve("results.json")) > 0);
        String summary = Files.readString(dir.resolve("summary.md"));
        for (String section : List.of("## Targets", "## EstimatedWait accuracy", "## After the overload",
                "## Cross-node wake-up", "Answers by outcome", "back to normal after the overload")) {
            assertTrue(summary.contains(section), "summary.md lacks " + section);
        }
        assertEquals(3, Files.readAllLines(dir.resolve("recovery.csv")).size(), "a header and one line a second");
        String profile = Files.readString(dir.resolve("profile-overload.txt"));
        assertTrue(profile.startsWith("CPU samples: ") && profile.contains("## By request handler"),
                "the overload window was profiled: " + profile);
    }

    @BothDatabases
    @Timeout(120)
    void theWakeupPhaseTimesCrossNodeWakeUpsOnPostgresAndSaysWhyNotOnH2(TestDatabase db, @TempDir Path out)
            throws Exception {
        LoadGenerator generator = new LoadGenerator();
        int exit = run(generator, "--db", db.url(), "--phases", "wakeup", "--no-profile",
                "--out", out.toString());

        assertEquals(0, exit, "exit status");
        String summary = Files.readString(generator.runDirectory.resolve("summary.md"));
        if (!db.kind().contains("PostgreSQL")) {
            assertNull(generator.result.wakeup());
            assertTrue(summary.contains("needs two nodes on one PostgreSQL"), summary);
            return;
        }
        WakeupPhase.Result wakeup = generator.result.wakeup();
        assertNotNull(wakeup);
        assertEquals(0, wakeup.errors(), "errors: " + wakeup.errorSamples());
        assertTrue(wakeup.crossNodeFromChangeRequestMs().count() > 0, "no waiter on node B woken by node A's change");
        assertTrue(wakeup.sameNodeFromChangeRequestMs().count() > 0, "no same-node reference sample");
        assertEquals(0, wakeup.crossNodeMissed(), "a waiter on B timed out: the change on A did not reach it");
        assertTrue(summary.contains("| node B (cross-node) |"), summary);
    }

    @Test
    @Timeout(60)
    void aRunThatCountedErrorsExitsZeroAndARunThatCouldNotRunDoesNot(@TempDir Path out) throws Exception {
        // A server that answers every request with one VoiceXML document and no ReturnCode: the agents'
        // REST calls pass, every call fails (no callId in the offer's answer), the run completes.
        byte[] document = "<?xml version=\"1.0\"?><vxml version=\"2.1\"><form/></vxml>".getBytes(StandardCharsets.UTF_8);
        try (StaticDocumentServer wrong = new StaticDocumentServer(new QueuedThreadPool(), document)) {
            LoadGenerator generator = new LoadGenerator();
            int exit = run(generator, "--url", wrong.uri().toString(), "--phases", "gateway", "--out", out.toString());
            assertEquals(0, exit, "a completed run with errors");
            assertTrue(generator.result.phases().get(0).errors() > 0, "the wrong answers were counted");
            assertTrue(Files.exists(generator.runDirectory.resolve("summary.md")));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        LoadGenerator nowhere = new LoadGenerator();
        assertNotEquals(0, run(nowhere, "--url", "http://127.0.0.1:" + closed, "--phases", "gateway",
                "--out", out.toString()), "no server there: the agents cannot log on");
    }

    private static int run(LoadGenerator generator, String... args) {
        List<String> all = new java.util.ArrayList<>(SMALL);
        all.addAll(List.of(args));
        if (all.contains("--url")) all.remove("--in-process");
        return new CommandLine(generator).execute(all.toArray(String[]::new));
    }
}
