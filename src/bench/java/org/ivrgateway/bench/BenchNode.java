package org.ivrgateway.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The server side in this JVM: the database, the gateway started by the server's own factory on port 0
 * with the benchmark's contact center, the baseline server when asked, JFR recordings.
 */
final class BenchNode implements ServerSide {
    private final BenchDatabase database;
    private final GatewayLauncher.Running gateway;
    private StaticDocumentServer baseline;
    private Recording recording;
    private String recordingName;

    private BenchNode(BenchDatabase database, GatewayLauncher.Running gateway) {
        this.database = database;
        this.gateway = gateway;
    }

    static BenchNode start(String db, int ports, int agents) throws Exception {
        BenchDatabase database = BenchDatabase.open(db);
        try {
            return new BenchNode(database, GatewayLauncher.start(BenchCenter.config(ports, agents), database));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    @Override
    public URI gateway() {
        return gateway.uri();
    }

    @Override
    public String databaseKind() {
        return database.kind;
    }

    @Override
    public synchronized URI startBaseline(byte[] document) throws Exception {
        stopBaseline();
        baseline = new StaticDocumentServer(gateway.threadPool(), document);
        return baseline.uri();
    }

    @Override
    public synchronized void stopBaseline() throws Exception {
        if (baseline != null) baseline.close();
        baseline = null;
    }

    @Override
    public String databaseUrl() {
        return database.url.startsWith("jdbc:postgresql:") ? database.url : null;
    }

    @Override
    public int parkedWaiters(String callId) {
        return gateway.center().parkedWaiters(callId);
    }

    @Override
    public boolean hearsOtherNodes() {
        return gateway.center().hearsOtherNodes();
    }

    @Override
    public ServerStats stats() {
        return ServerStats.now(database.serverPid());
    }

    @Override
    public synchronized void startProfile(String name) throws Exception {
        recording = new Recording(Configuration.getConfiguration("profile"));
        // CPU-time sampling (JDK 25, Linux) also samples virtual threads, which the period sampler rarely catches.
        try {
            recording.enable("jdk.CPUTimeSample").with("throttle", "1 ms");
        } catch (RuntimeException e) {
            // An older JDK has no such event; the period samples remain.
        }
        recording.setName(name);
        recordingName = name;
        recording.start();
    }

    @Override
    public synchronized String stopProfile(String directory) throws Exception {
        if (recording == null) return "";
        recording.stop();
        Path dir = Files.createDirectories(Path.of(directory));
        Path file = dir.resolve(recordingName + ".jfr");
        recording.dump(file);
        recording.close();
        recording = null;
        return JfrSummary.summarize(file);
    }

    @Override
    public void close() throws Exception {
        stopBaseline();
        try {
            gateway.close();
        } finally {
            database.close();
        }
    }
}
