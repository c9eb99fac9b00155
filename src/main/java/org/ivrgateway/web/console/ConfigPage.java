package org.ivrgateway.web.console;

import java.io.IOException;
import java.util.Map;
import org.ivrgateway.api.ConfigurationView;

/** The configuration as loaded: queues, agents, devices, transit numbers, callbacks, routing rules. */
final class ConfigPage implements Page {
    private final ConfigurationView config;

    ConfigPage(ConfigurationView config) {
        this.config = config;
    }

    @Override
    public void get(Exchange x) throws IOException {
        x.render(200, "config", null, Map.of("config", config, "rules", config.routing()));
    }
}
