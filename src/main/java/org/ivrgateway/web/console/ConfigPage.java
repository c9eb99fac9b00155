package org.ivrgateway.web.console;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ivrgateway.core.config.CenterConfig;

/** The configuration as loaded: queues, agents, devices, transit numbers, callbacks, routing rules. */
final class ConfigPage implements Page {
    private final CenterConfig config;

    ConfigPage(CenterConfig config) {
        this.config = config;
    }

    @Override
    public void get(Exchange x) throws IOException {
        List<RuleInWords> rules = config.routing().stream().map(RuleInWords::of).toList();
        x.render(200, "config", null, Map.of("config", config, "rules", rules));
    }
}
