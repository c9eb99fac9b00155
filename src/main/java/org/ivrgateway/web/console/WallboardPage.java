package org.ivrgateway.web.console;

import java.io.IOException;
import java.util.Map;

/** The supervisor's wallboard: queues, live calls, agents. Read only. */
final class WallboardPage implements Page {
    private final SnapshotHub hub;

    WallboardPage(SnapshotHub hub) {
        this.hub = hub;
    }

    @Override
    public void get(Exchange x) throws IOException {
        x.render(200, "wallboard", hub.fresh(), Map.of());
    }
}
