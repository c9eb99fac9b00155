package org.ivrgateway.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.DocumentServer;
import org.ivrgateway.samples.interpreter.VoiceBrowser;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.ivrgateway.testing.MutableClock;
import org.ivrgateway.testing.TestAccess;
import org.ivrgateway.testing.TestCenter;

/**
 * The real gateway for a sample test ({@link TestCenter} with its node): a fresh H2 database, the contact
 * center of a test configuration, the server on a free port, the samples it serves at /samples/, and a
 * small REST client to play the agents and the telephony side. The clock starts at the real now (the
 * samples compute callback schedules from the platform's clock) and the test moves it.
 */
final class SampleCenter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final MutableClock clock = new MutableClock(Instant.now());
    final CenterConfig config;
    final ContactCenter center;
    private final TestDatabase database = TestDatabases.h2();
    private final Database db;
    private final TestCenter node;
    private final HttpClient http = HttpClient.newHttpClient();

    SampleCenter(String configResource) throws Exception {
        this(configResource, "");
    }

    /** The configuration with {@code extraLines} in front (such as {@code multiTenant: true}). */
    SampleCenter(String configResource, String extraLines) throws Exception {
        config = TestCenter.configWith(extraLines, configResource);
        node = TestCenter.on(database).config(config).clock(clock).node().start();
        db = node.db();
        center = node.center();
    }

    URI uri(String path) {
        return node.uri().resolve(path);
    }

    /**
     * Runs a sample (served by the gateway at /samples/) as the call scripted, on a platform without the
     * builtin grammars that VoiceXML 2.0 §2.3.1 makes optional: the samples must not need them.
     */
    CallRecord call(String sample, CallScript script) {
        return VoiceBrowser.call(uri("samples/" + sample), script.withoutBuiltinGrammars());
    }

    /**
     * Runs a sample from a site's own copy of the samples, served by another web server, whose common.vxml
     * sets {@code gateway} to this gateway's absolute URL (docs/SAMPLES.md, "Running them") and the
     * {@code settings} given (name to ECMAScript expression) as an administrator would.
     */
    CallRecord callSite(String sample, Map<String, String> settings, CallScript script) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("gateway", "'" + uri("vxml/") + "'");
        try (DocumentServer site = new DocumentServer(); var files = Files.list(SamplesValidateTest.SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".vxml")).toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("common.vxml")) text = withSettings(text, all);
                String served = text;
                site.route("/site/" + file.getFileName(), p -> served);
            }
            return VoiceBrowser.call(site.uri("/site/" + sample), script.withoutBuiltinGrammars());
        }
    }

    /** common.vxml with each {@code <var name="NAME" expr="…"/>} named set to its new expression. */
    private static String withSettings(String common, Map<String, String> settings) {
        String text = common;
        for (Map.Entry<String, String> s : settings.entrySet()) {
            Matcher m = Pattern.compile("<var name=\"" + Pattern.quote(s.getKey()) + "\" expr=\"[^\"]*\"/>").matcher(text);
            if (!m.find()) throw new AssertionError("no setting " + s.getKey() + " in common.vxml");
            String expr = s.getValue().replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
            text = text.substring(0, m.start()) + "<var name=\"" + s.getKey() + "\" expr=\"" + expr + "\"/>"
                    + text.substring(m.end());
        }
        return text;
    }

    /** POSTs JSON to the REST API; gives the body, failing on anything but 2xx. */
    String post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN).GET());
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError(r.request().method() + " " + r.uri() + " gave " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The telephony side offers a call at an IVR device; gives its call id. */
    String offer(String device, String ani, String dnis) {
        return offer(device, ani, dnis, null);
    }

    /** The same, naming the switch's identity of the call: an offer of a live call's identity is that call back. */
    String offer(String device, String ani, String dnis, String switchCallId) {
        String identity = switchCallId == null ? "" : ",\"switchCallId\":\"" + switchCallId + "\"";
        String body = post("api/telephony/offer", "{\"device\":\"" + device + "\",\"ani\":\"" + ani + "\",\"dnis\":\""
                + dnis + "\"" + identity + "}");
        return body.replaceAll("(?s).*\"callId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    void agentAvailable(String agentId, String device) {
        post("api/agents/" + agentId + "/login", "{\"device\":\"" + device + "\"}");
        post("api/agents/" + agentId + "/state", "{\"state\":\"AVAILABLE\"}");
    }

    /** A queue as GET /api/queues shows it. */
    JsonNode queue(String name) {
        for (JsonNode q : json(get("api/queues"))) {
            if (q.path("name").asText().equals(name)) return q;
        }
        throw new AssertionError("no queue " + name + " in /api/queues");
    }

    /** A call as GET /api/calls/{id} shows it. */
    JsonNode callView(String callId) {
        return json(get("api/calls/" + callId));
    }

    /** The operations the switch side has not carried out yet (GET /api/telephony/events). */
    List<JsonNode> pendingEvents(String type) {
        List<JsonNode> out = new ArrayList<>();
        json(get("api/telephony/events")).forEach(e -> {
            if (e.path("type").asText().equals(type)) out.add(e);
        });
        return out;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** A count read straight from the store (what the REST views do not show, such as stored callbacks). */
    long count(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static String resource(String name) {
        return TestCenter.resource(name);
    }

    @Override
    public void close() throws Exception {
        node.close();
        database.close();
    }
}
