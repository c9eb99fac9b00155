package org.ivrgateway.bench;

import java.net.URI;

/** A gateway that runs elsewhere ({@code --url}): only its address is known; no figures, no baseline. */
record RemoteServer(URI gateway) implements ServerSide {

    @Override
    public String databaseKind() {
        return "(remote gateway)";
    }

    @Override
    public URI startBaseline(byte[] document) {
        throw new UnsupportedOperationException("no baseline against a remote gateway");
    }

    @Override
    public void stopBaseline() {
    }

    @Override
    public ServerStats stats() {
        return new ServerStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public void startProfile(String name) {
    }

    @Override
    public String stopProfile(String directory) {
        return "(no profile of a remote gateway)";
    }

    @Override
    public String databaseUrl() {
        return null;
    }

    @Override
    public int parkedWaiters(String callId) {
        return -1;
    }

    @Override
    public boolean hearsOtherNodes() {
        return false;
    }

    @Override
    public void close() {
    }
}
