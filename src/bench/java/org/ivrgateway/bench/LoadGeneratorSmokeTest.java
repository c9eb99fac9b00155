package org.ivrgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;

/**
 * The load generator's smoke run, as CI runs it: every phase for a few seconds, a few ports, a gateway it
 * starts in this JVM on a free port over H2 in memory. It must complete calls with no error; how fast is
 * not asserted here (that is what docs/BENCHMARKS.md is for).
 */
@Slow
@Isolated("drives the gateway at full speed and reads its CPU and threads")
class LoadGeneratorSmokeTest {

    @Test
    @Timeout(120)
    void aShortRunCompletesCallsInEveryPhaseWithoutErrors(@TempDir Path out) throws Exception {
        LoadGenerator generator = new LoadGenerator();
        int exit = new CommandLine(generator).execute("--in-process", "--db", "h2mem", "--no-profile",
                "--saturation-ports", "3", "--ports", "20", "--rate", "10", "--ivr-seconds", "0.2", "--agents", "5",
                "--warmup", "1", "--duration", "3", "--out", out.toString());

        assertEquals(0, exit, "exit status (1 means errors were counted)");
        assertEquals(3, generator.result.phases().size());
        for (PhaseResult phase : generator.result.phases()) {
            assertEquals(0, phase.errors(), phase.phase() + " errors: " + phase.errorSamples());
            assertTrue(phase.callsCompleted() > 0, phase.phase() + " completed no call");
            assertTrue(phase.latencyMs().containsKey("Enqueue"), phase.phase() + " timed no Enqueue");
        }
        assertTrue(generator.result.gatewayToBaseline() > 0);
        assertTrue(Files.size(generator.runDirectory.resolve("results.json")) > 0);
        assertTrue(Files.readString(generator.runDirectory.resolve("summary.md")).contains("## Targets"));
    }
}
