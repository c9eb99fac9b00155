package org.ivrgateway.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as an operator runs it — {@code java ... Main --config --port --db} — in a JVM of its own,
 * started with the java and class path of the test's JVM, its output in {@code log}; {@link #kill} is
 * {@code kill -9} (Process.destroyForcibly sends SIGKILL on Linux).
 */
final class ForkedGateway implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI base;
    private final Path log;

    ForkedGateway(Path config, String db, String dbUser, Path log) throws Exception {
        this.log = log;
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--config", config.toString(), "--port", Integer.toString(port), "--db", db));
        if (dbUser != null) command.addAll(List.of("--db-user", dbUser));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        base = URI.create("http://localhost:" + port + "/");
        awaitHealthy();
    }

    private void awaitHealthy() throws Exception {
        // A probe may take seconds on the loaded 2-core machine while the new JVM is cold: a 2 s bound made
        // every probe time out there, and the start fail, though the gateway was listening.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the gateway exited at start-up: " + tail());
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the gateway did not become healthy in " + START_TIMEOUT + ": " + tail());
    }

    URI base() {
        return base;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the killed gateway did not exit");
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }
}
