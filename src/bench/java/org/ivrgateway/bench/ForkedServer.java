package org.ivrgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server side in a JVM of its own, started with this JVM's class path and {@code jvmOptions}: so the
 * server's heap, threads and CPU are its own, and file descriptors of 10,000 client and 10,000 server
 * sockets do not add up in one process. Its log goes to {@code log}.
 */
final class ForkedServer implements ServerSide {
    private static final long ANSWER_SECONDS = 120;

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final ObjectMapper json = new ObjectMapper();
    private final URI gateway;
    private final String databaseKind;

    ForkedServer(String db, int ports, int agents, List<String> jvmOptions, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServerMain.class.getName(),
                db, Integer.toString(ports), Integer.toString(agents)));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Writer logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("server-output").start(() -> pump(logFile));
        String ready = answer();
        if (!ready.startsWith("ready ")) throw new IllegalStateException("server did not start: " + ready + " (see " + log + ")");
        String[] parts = ready.split(" ", 3);
        gateway = URI.create(parts[1]);
        databaseKind = parts[2];
    }

    private void pump(Writer log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             log) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(BenchServerMain.TAG)) answers.add(line.substring(BenchServerMain.TAG.length()));
                else {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                }
            }
        } catch (IOException e) {
            answers.add("error server output: " + e);
        } finally {
            answers.add("error server exited");
        }
    }

    private synchronized String ask(String command) throws Exception {
        commands.println(command);
        String a = answer();
        if (!a.startsWith("ok ")) throw new IllegalStateException("server: " + command.split(" ")[0] + ": " + a);
        return a.substring(3);
    }

    private String answer() throws InterruptedException {
        String a = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
        if (a == null) throw new IllegalStateException("server gave no answer in " + ANSWER_SECONDS + " s");
        return a;
    }

    @Override
    public URI gateway() {
        return gateway;
    }

    @Override
    public String databaseKind() {
        return databaseKind;
    }

    @Override
    public URI startBaseline(byte[] document) throws Exception {
        return URI.create(ask("baseline " + Base64.getEncoder().encodeToString(document)));
    }

    @Override
    public void stopBaseline() throws Exception {
        ask("baseline-stop");
    }

    @Override
    public ServerStats stats() throws Exception {
        return json.readValue(ask("stats"), ServerStats.class);
    }

    @Override
    public void startProfile(String name) throws Exception {
        ask("profile " + name);
    }

    @Override
    public String stopProfile(String directory) throws Exception {
        return new String(Base64.getDecoder().decode(ask("profile-stop " + directory)), StandardCharsets.UTF_8);
    }

    @Override
    public String databaseUrl() throws Exception {
        String url = ask("database-url");
        return url.isEmpty() ? null : url;
    }

    @Override
    public int parkedWaiters(String callId) throws Exception {
        return Integer.parseInt(ask("parked " + callId));
    }

    @Override
    public boolean hearsOtherNodes() throws Exception {
        return Boolean.parseBoolean(ask("hears-other-nodes"));
    }

    /** The process id, for reading its CPU from outside. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        commands.println("quit");
        commands.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
