package org.ivrgateway.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ivrgateway.core.config.CenterConfig;
import org.ivrgateway.core.config.QueueConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    /** A small valid file; each error test breaks one line of it, so the expected line is found, not typed. */
    private static final List<String> VALID = List.of(
            "gateway:",
            "  maxWaitMillis: 4000",
            "platform: openscape-voice",
            "businessUnits: [Toronto]",
            "ivrDevices: [\"36200\"]",
            "agentDevices: [\"5001\"]",
            "queues:",
            "  - name: Sales",
            "    businessUnit: Toronto",
            "    pilot: \"7000\"",
            "    serviceLevelSeconds: 20",
            "    overflow: { afterSeconds: 120, destination: \"5999\" }",
            "agents:",
            "  - { id: \"790006\", name: \"Alan Smith\", queues: [Sales] }",
            "transitNumbers: { numbers: [\"8001\"] }",
            "routing:",
            "  - when: { dnis: \"69030\" }",
            "    enqueue: { queue: Sales, priority: 10 }",
            "  - disconnect: true");

    @Test
    void demoConfigurationLoadsFromTheClasspath() {
        CenterConfig demo = ConfigLoader.loadDemo();
        assertEquals(10, demo.ivrDevices().size());
        assertTrue(demo.ivrDevices().contains("36200") && demo.ivrDevices().contains("36209"));
        assertTrue(demo.queues().size() >= 3);
        assertTrue(demo.queues().stream().allMatch(q -> q.pilot() != null && q.overflow() != null));
        assertTrue(demo.agents().size() >= 6);
        assertTrue(demo.routing().stream().anyMatch(r -> "69030".equals(r.when().dnis())));
        assertTrue(!demo.callbacks().hours().isEmpty());
    }

    @Test
    void demoFileOfTheSourceTreeIsTheOneInTheJar() throws Exception {
        Path source = Path.of("samples", "demo-center.yaml");
        assertEquals(ConfigLoader.load(source), ConfigLoader.loadDemo());
    }

    @Test
    void validFileLoadsWithItsValuesAndDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("center.yaml");
        Files.write(file, VALID);
        CenterConfig config = ConfigLoader.load(file);
        assertEquals(4000, config.gateway().maxWaitMillis());
        assertEquals(600, config.gateway().sessionIdleSeconds());
        assertEquals("7000", config.queue("sales").orElseThrow().pilot());
        assertEquals(2, config.routing().size());
    }

    @Test
    void unknownKeyNamesTheKeyAndItsLine() {
        assertRefused("    pilot: \"7000\"", "    pilott: \"7000\"", "queues[0].pilott", "unknown key; known keys here:");
    }

    @Test
    void wrongTypeNamesTheKeyAndItsLine() {
        assertRefused("    serviceLevelSeconds: 20", "    serviceLevelSeconds: twenty", "queues[0].serviceLevelSeconds", "'twenty' is not a whole number");
    }

    @Test
    void scalarWhereAListIsExpectedNamesTheKey() {
        assertRefused("agentDevices: [\"5001\"]", "agentDevices: { a: b }", "agentDevices", "expected a list");
    }

    @Test
    void valueRefusedByTheRecordsNamesTheKeyAndItsLine() {
        assertRefused("    serviceLevelSeconds: 20", "    serviceLevelSeconds: 0", "queues.Sales.serviceLevelSeconds", "must be at least 1");
    }

    @Test
    void aNegativeRingNoAnswerOrPriorityAgeNamesTheKeyAndItsLine() {
        assertRefused("    serviceLevelSeconds: 20", "    ringNoAnswerSeconds: -1",
                "queues.Sales.ringNoAnswerSeconds", "must be at least 0");
        assertRefused("    serviceLevelSeconds: 20", "    priorityAgeSeconds: -3",
                "queues.Sales.priorityAgeSeconds", "must be at least 0");
    }

    @Test
    void ringNoAnswerDefaultsTo20SecondsAndPriorityAgeToOff() {
        QueueConfig sales = ConfigLoader.parse("center.yaml", String.join("\n", VALID)).queue("Sales").orElseThrow();
        assertEquals(QueueConfig.DEFAULT_RING_NO_ANSWER_SECONDS, sales.ringNoAnswerSeconds());
        assertEquals(20, sales.ringNoAnswerSeconds());
        assertEquals(0, sales.priorityAgeSeconds());
    }

    @Test
    void nestedRecordRefusalPointsAtTheNestedKey() {
        assertRefused("    overflow: { afterSeconds: 120, destination: \"5999\" }",
                "    overflow: { afterSeconds: -5, destination: \"5999\" }", "overflow.afterSeconds", "must be at least 1");
        assertTrue(fails("    overflow: { afterSeconds: 120, destination: \"5999\" }",
                "    overflow: { afterSeconds: -5, destination: \"5999\" }").getMessage().contains("(in queues[0].overflow)"));
    }

    @Test
    void unknownPlatformNamesTheKey() {
        assertRefused("platform: openscape-voice", "platform: asterisk", "platform", "asterisk");
    }

    @Test
    void crossReferenceRefusedByTheCenterNamesTheReferringLine() {
        assertRefused("  - { id: \"790006\", name: \"Alan Smith\", queues: [Sales] }",
                "  - { id: \"790006\", name: \"Alan Smith\", queues: [Nowhere] }", "agents.790006.queues", "unknown queue Nowhere");
    }

    @Test
    void routingRuleNamingAnUnknownQueueNamesItsLine() {
        assertRefused("    enqueue: { queue: Sales, priority: 10 }", "    enqueue: { queue: Saless, priority: 10 }", "routing[0].enqueue.queue", "unknown queue Saless");
    }

    @Test
    void pilotThatIsAlsoADeviceIsRefused() {
        assertRefused("    pilot: \"7000\"", "    pilot: \"5001\"", "queues.Sales.pilot", "also a device");
    }

    @Test
    void brokenYamlNamesItsLine() {
        String line = "platform: openscape-voice";
        ConfigException e = fails(line, "platform: openscape-voice: x");
        assertTrue(e.getMessage().startsWith("center.yaml, line " + (VALID.indexOf(line) + 1) + ": not valid YAML"),
                e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("empty.yaml", ""));
        assertTrue(e.getMessage().startsWith("empty.yaml"), e.getMessage());
    }

    @Test
    void missingFileIsRefusedWithItsName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    }

    /** Replaces one line of the valid file; the message must name that line, the key and the problem. */
    private static void assertRefused(String line, String replacement, String key, String problem) {
        String message = fails(line, replacement).getMessage();
        int expectedLine = VALID.indexOf(line) + 1;
        assertTrue(message.startsWith("center.yaml, line " + expectedLine + ": "), message);
        assertTrue(message.contains(key), message);
        assertTrue(message.contains(problem), message);
    }

    private static ConfigException fails(String line, String replacement) {
        assertTrue(VALID.contains(line), "test fixture has no line " + line);
        List<String> broken = VALID.stream().map(l -> l.equals(line) ? replacement : l).toList();
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse("center.yaml", String.join("\n", broken)));
    }
}
