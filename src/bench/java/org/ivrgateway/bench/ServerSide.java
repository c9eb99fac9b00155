package org.ivrgateway.bench;

import java.net.URI;

/**
 * The server side of a run, as the generator drives it: the gateway's address, the baseline static server
 * started and stopped on demand, the server's figures, and a flight recording around a measured window.
 * {@link BenchNode} is the thing itself (in this JVM); {@link ForkedServer} the same in a JVM of its own.
 */
interface ServerSide extends AutoCloseable {

    URI gateway();

    /** What the gateway runs on, for the report ("H2 (file)", "PostgreSQL (embedded)"). */
    String databaseKind();

    /** Starts the static server on the gateway's Jetty setup, answering {@code document} to everything. */
    URI startBaseline(byte[] document) throws Exception;

    void stopBaseline() throws Exception;

    ServerStats stats() throws Exception;

    void startProfile(String name) throws Exception;

    /** The JDBC URL another node can share (the wake-up phase), or null when the database is this node's own. */
    String databaseUrl() throws Exception;

    /** Requests parked on {@code callId}'s wake-up now; -1 when not known (a remote gateway). */
    int parkedWaiters(String callId) throws Exception;

    /** True while the node hears other nodes' changes (PostgreSQL LISTEN/NOTIFY). */
    boolean hearsOtherNodes() throws Exception;

    /** Stops the recording, keeps it under {@code directory}, and returns its summary ({@link JfrSummary}). */
    String stopProfile(String directory) throws Exception;
}
