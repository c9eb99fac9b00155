package org.ivrgateway.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
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
            "  - disconnect: true",
            "businessHours: { mon: \"08:00-18:00\", tue: \"08:00-18:00\" }",
            "dialPlan: { destinations: [\"5678\"] }",
            "statistics: { windowMinutes: 30, defaultHandleSeconds: 120, maxEstimateSeconds: 1800 }",
            "telephony: { heartbeatSeconds: 0 }");

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
    void revisionTwoKeysLoadWithTheirValuesAndDefaults() {
        CenterConfig config = ConfigLoader.parse("center.yaml", String.join("\n", VALID));
        assertEquals(120, config.statistics().defaultHandleSeconds());
        assertEquals(1800, config.statistics().maxEstimateSeconds());
        assertEquals(0, config.telephony().heartbeatSeconds());
        assertEquals(List.of("5678"), config.dialPlan().destinations());
        assertEquals(2, config.openingHours().size());
        // without callbacks.businessHours the callbacks are made in the centre's hours
        assertEquals(config.businessHours(), config.callbacks().businessHours());

        CenterConfig defaults = ConfigLoader.parse("min.yaml", "ivrDevices: [\"36200\"]");
        assertEquals(180, defaults.statistics().defaultHandleSeconds());
        assertEquals(3600, defaults.statistics().maxEstimateSeconds());
        assertEquals(false, defaults.telephony().watchesHeartbeat());
        assertTrue(defaults.businessHours().isEmpty() && defaults.dialPlan().internal() == null);
        CenterConfig own = ConfigLoader.parse("own.yaml", "businessHours: { mon: \"08:00-18:00\" }\n"
                + "callbacks: { businessHours: { sat: \"09:00-12:00\" } }");
        assertEquals(java.util.Map.of("sat", "09:00-12:00"), own.callbacks().businessHours(), "their own hours win");
        CenterConfig centre = ConfigLoader.parse("centre.yaml", "businessHours: { mon: \"08:00-18:00\" }\n"
                + "callbacks: { queues: [CB], retryMinutes: 5, maxAttempts: 2 }");
        assertEquals(centre.businessHours(), centre.callbacks().businessHours());
        assertEquals(5, centre.callbacks().retryMinutes(), "the rest of callbacks is kept");
        assertEquals(2, centre.callbacks().maxAttempts());
        assertEquals(List.of("CB"), centre.callbacks().queues());
    }

    @Test
    void revisionTwoKeysAreValidated() {
        String stats = "statistics: { windowMinutes: 30, defaultHandleSeconds: 120, maxEstimateSeconds: 1800 }";
        assertRefused(stats, stats.replace("defaultHandleSeconds: 120", "defaultHandleSeconds: 0"),
                "statistics.defaultHandleSeconds", "must be at least 1");
        assertRefused(stats, stats.replace("maxEstimateSeconds: 1800", "maxEstimateSeconds: -1"),
                "statistics.maxEstimateSeconds", "must be at least 1");
        assertRefused("telephony: { heartbeatSeconds: 0 }", "telephony: { heartbeatSeconds: -5 }",
                "telephony.heartbeatSeconds", "must be at least 0");
        assertRefused("telephony: { heartbeatSeconds: 0 }", "telephony: { heartbeatSecs: 5 }",
                "telephony.heartbeatSecs", "unknown key");
        String hours = "businessHours: { mon: \"08:00-18:00\", tue: \"08:00-18:00\" }";
        assertRefused(hours, hours.replace("tue: \"08:00-18:00\"", "tue: \"18:00-08:00\""), "businessHours.tue",
                "opening before closing");
        assertRefused(hours, hours.replace("tue:", "tus:"), "businessHours", "'tus' is not a day");
        String plan = "dialPlan: { destinations: [\"5678\"] }";
        assertRefused(plan, "dialPlan: { internal: \"^[0-9{4}$\" }", "dialPlan.internal", "not a regular expression");
        assertRefused(plan, "dialPlan: { destinations: [\"voicemail\"] }", "dialPlan.destinations",
                "'voicemail' is not a dialable number");
        assertRefused("    overflow: { afterSeconds: 120, destination: \"5999\" }",
                "    overflow: { afterSeconds: 120, destination: \"59 x9\" }", "queues.Sales.overflow.destination",
                "not a dialable number");
        assertRefused("  - disconnect: true", "  - transfer: \"+1 (555\"", "routing[1].transfer", "canonical format");
        assertRefused("  - when: { dnis: \"69030\" }", "  - when: { dnis: \"69030\", businessUnits: [Nowhere] }",
                "routing[0].when.businessUnits", "Nowhere is not in businessUnits");
        ConfigException never = assertThrows(ConfigException.class, () -> ConfigLoader.parse("center.yaml",
                "multiTenant: true\n" + String.join("\n", VALID).replace("  - when: { dnis: \"69030\" }",
                        "  - when: { dnis: \"69030\", businessUnits: [Wireless] }").replace(
                        "businessUnits: [Toronto]", "businessUnits: [Toronto, Wireless]")));
        assertTrue(never.getMessage().contains("line " + (VALID.indexOf("  - when: { dnis: \"69030\" }") + 2)
                + ": routing[0].when.businessUnits: the rule enqueues into Sales of Toronto"), never.getMessage());
        // Every form Transfer accepts is a valid overflow or routing destination.
        assertTrue(ConfigLoader.parse("ok.yaml", String.join("\n", VALID).replace("destination: \"5999\"",
                "destination: \"+1 (555) 555-0199--12\"").replace("  - disconnect: true",
                "  - transfer: \"+33 1 23 45 67 89\"")) != null);
    }

    @Test
    void openOrClosedRulesNeedTheCentresBusinessHours() {
        List<String> noHours = VALID.stream().filter(l -> !l.startsWith("businessHours:"))
                .map(l -> l.equals("  - when: { dnis: \"69030\" }") ? "  - when: { closed: true }" : l).toList();
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("center.yaml", String.join("\n", noHours)));
        assertTrue(e.getMessage().startsWith("center.yaml, line " + (VALID.indexOf("  - when: { dnis: \"69030\" }") + 1)
                + ": routing[0].when.closed: needs the centre's businessHours"), e.getMessage());
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

    @Test
    void duplicateKeyIsRefusedNamingItsLine() {
        String line = "    serviceLevelSeconds: 20";
        List<String> doubled = new java.util.ArrayList<>(VALID);
        doubled.add(VALID.indexOf(line) + 1, "    serviceLevelSeconds: 30");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("center.yaml", String.join("\n", doubled)));
        assertTrue(e.getMessage().startsWith("center.yaml, line " + (VALID.indexOf(line) + 2) + ": duplicate key"),
                e.getMessage());
        assertTrue(e.getMessage().contains("serviceLevelSeconds"), e.getMessage());
    }

    @Test
    void tooLongScalarIsRefusedNamingItsKeyAndLine() {
        String line = "    pilot: \"7000\"";
        assertRefused(line, "    pilot: \"" + "7".repeat(ConfigLoader.MAX_SCALAR_CHARS + 1) + "\"", "queues[0].pilot",
                "longer than " + ConfigLoader.MAX_SCALAR_CHARS + " characters");
    }

    @Test
    void tooLargeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        // The hostile file of the reliability report: one scalar of 5 MB.
        Files.writeString(file, "adminServerName: \"" + "x".repeat(5 << 20) + "\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": the file has "), e.getMessage());
        assertTrue(e.getMessage().contains("more than the " + ConfigLoader.MAX_FILE_BYTES), e.getMessage());
    }

    @Test
    void databaseAndCallSectionsAreReadAndChecked() {
        CenterConfig defaults = ConfigLoader.parse("center.yaml", String.join("\n", VALID));
        assertEquals(8, defaults.database().poolSize());
        assertEquals(12, defaults.calls().maxAgeHours());
        List<String> withSections = new java.util.ArrayList<>(VALID);
        withSections.addAll(List.of("database: { poolSize: 40 }", "calls: { maxAgeHours: 2 }"));
        CenterConfig set = ConfigLoader.parse("center.yaml", String.join("\n", withSections));
        assertEquals(40, set.database().poolSize());
        assertEquals(2, set.calls().maxAgeHours());
        withSections.set(withSections.size() - 2, "database: { poolSize: 1 }");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("center.yaml", String.join("\n", withSections)));
        assertTrue(e.getMessage().startsWith("center.yaml, line " + (VALID.size() + 1) + ": database.poolSize: must be at least 2"),
                e.getMessage());
    }

    @Test
    void admissionLimitsAreReadAndChecked() {
        CenterConfig defaults = ConfigLoader.parse("center.yaml", String.join("\n", VALID));
        assertEquals(new org.ivrgateway.store.Database.Admission(4096, 32, 100), defaults.database().admission());
        List<String> withSection = new java.util.ArrayList<>(VALID);
        withSection.add("database: { queueLimit: 100, newCallQueueLimit: 10, newCallQueueMillis: 0 }");
        assertEquals(new org.ivrgateway.store.Database.Admission(100, 10),
                ConfigLoader.parse("center.yaml", String.join("\n", withSection)).database().admission());
        withSection.set(withSection.size() - 1, "database: { queueLimit: 10, newCallQueueLimit: 20 }");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("center.yaml", String.join("\n", withSection)));
        assertTrue(e.getMessage().contains("database.newCallQueueLimit: must be at most database.queueLimit (10), was 20"),
                e.getMessage());
        withSection.set(withSection.size() - 1, "database: { newCallQueueMillis: -1 }");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("center.yaml", String.join("\n", withSection)));
        assertTrue(e.getMessage().contains("database.newCallQueueMillis"), e.getMessage());
    }

    @Test
    void theEdgesNewCallDelayIsReadAndChecked() {
        assertEquals(50, ConfigLoader.parse("center.yaml", String.join("\n", VALID)).gateway().newCallDelayMillis());
        List<String> withKey = new java.util.ArrayList<>(VALID);
        int at = VALID.indexOf("gateway:") + 1;
        withKey.add(at, "  newCallDelayMillis: 0");
        assertEquals(0, ConfigLoader.parse("center.yaml", String.join("\n", withKey)).gateway().newCallDelayMillis());
        for (String bad : List.of("-1", "10001")) {
            withKey.set(at, "  newCallDelayMillis: " + bad);
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.parse("center.yaml", String.join("\n", withKey)));
            assertTrue(e.getMessage().contains("gateway.newCallDelayMillis"), e.getMessage());
        }
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
