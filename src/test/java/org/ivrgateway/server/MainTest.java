package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the command line tells a user whose start-up cannot work: one line, an exit status, no stack trace. */
class MainTest {

    @Test
    void badConfigurationExitsWith2AndNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("center.yaml");
        Files.writeString(file, "ivrDevices: [\"36200\"]\nqueues:\n  - name: Sales\n    pilott: \"7000\"\n");
        Run run = run("--config", file.toString(), "--port", "0");
        assertEquals(Main.CONFIG_ERROR, run.status);
        assertTrue(run.err.contains(file + ", line 4: queues[0].pilott: unknown key"), run.err);
        assertFalse(run.err.contains("\tat "), run.err);
    }

    @Test
    void tooLargeConfigurationExitsWith2AtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("center.yaml");
        Files.writeString(file, "adminServerName: \"" + "x".repeat(5 << 20) + "\"\n");
        Run run = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> run("--config", file.toString(), "--port", "0"));
        assertEquals(Main.CONFIG_ERROR, run.status);
        assertTrue(run.err.startsWith("ivr-gateway: " + file + ": the file has "), run.err);
    }

    @Test
    void unreachableDatabaseExitsWith1WithoutAStackTrace() {
        Run run = run("--port", "0", "--db", "jdbc:nosuchdriver://nowhere");
        assertEquals(Main.START_FAILED, run.status);
        assertTrue(run.err.startsWith("ivr-gateway: cannot open the database jdbc:nosuchdriver://nowhere"), run.err);
        assertFalse(run.err.contains("\tat "), run.err);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("--colour", "blue");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--colour"), run.err);
    }

    @Test
    void h2UrlsGetThePortableOptions() {
        assertEquals("jdbc:h2:file:/tmp/x" + DatabaseUrl.H2_OPTIONS + ";WRITE_DELAY=0",
                DatabaseUrl.portable("jdbc:h2:file:/tmp/x"));
        assertEquals("jdbc:h2:file:/tmp/x;MODE=PostgreSQL;WRITE_DELAY=0", DatabaseUrl.portable("jdbc:h2:file:/tmp/x;MODE=PostgreSQL"));
        assertEquals("jdbc:h2:file:/tmp/x;WRITE_DELAY=500" + DatabaseUrl.H2_OPTIONS,
                DatabaseUrl.portable("jdbc:h2:file:/tmp/x;WRITE_DELAY=500"));
        assertTrue(DatabaseUrl.DEFAULT.endsWith(";WRITE_DELAY=0"));
        assertEquals("jdbc:postgresql://db/ivr", DatabaseUrl.portable("jdbc:postgresql://db/ivr"));
        assertTrue(DatabaseUrl.DEFAULT.startsWith("jdbc:h2:file:./data/ivr-gateway;MODE=PostgreSQL"));
    }

    private record Run(int status, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(status, err.toString());
    }
}
