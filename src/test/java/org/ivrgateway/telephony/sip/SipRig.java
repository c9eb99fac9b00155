package org.ivrgateway.telephony.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestCenter;
import org.junit.jupiter.api.Assumptions;

/**
 * Real SIP for a test: Kamailio started on 127.0.0.1 with the shipped configuration
 * (samples/kamailio/kamailio.cfg, unprivileged ports, a temporary run directory), a gateway node
 * ({@link TestCenter} with its node, on the real clock) whose telephony.sip points at it, and SIPp phones and callers playing the scenarios of
 * src/test/resources/sipp/. Skipped, with a message, only where kamailio or sipp is not installed.
 */
final class SipRig implements AutoCloseable {
    private static final Duration SIPP_LIMIT = Duration.ofSeconds(40);

    final int sipPort = freeUdpPort();
    private final int evapiPort = freeTcpPort();
    private final int rpcPort = freeTcpPort();
    private final Path runDir;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process kamailio;
    private TestCenter node;

    private SipRig(TestDatabase database) throws Exception {
        runDir = Files.createTempDirectory("ivr-kamailio-");
        try {
            startKamailio();
            node = TestCenter.on(database).config(config()).node().start();
            awaitTrue("the gateway connected to Kamailio (TServer 8)", () -> tServer() == 8);
        } catch (Exception | AssertionError e) {
            close(); // Kamailio does not outlive a rig that failed to start
            throw e;
        }
    }

    static SipRig start(TestDatabase database) throws Exception {
        Assumptions.assumeTrue(installed("kamailio") && installed("sipp"),
                "kamailio or sipp is not installed (apt-get install kamailio kamailio-extra-modules sip-tester)");
        return new SipRig(database);
    }

    static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }

    private CenterConfig config() {
        String text = TestCenter.resource("centers/sip-center.yaml")
                .replace("EVAPI_PORT", String.valueOf(evapiPort)).replace("RPC_PORT", String.valueOf(rpcPort));
        return ConfigLoader.parse("sip-center.yaml", text);
    }

    private void startKamailio() throws IOException {
        String exe = Files.isExecutable(Path.of("/usr/sbin/kamailio")) ? "/usr/sbin/kamailio" : "kamailio";
        kamailio = new ProcessBuilder(exe, "-f", Path.of("samples/kamailio/kamailio.cfg").toAbsolutePath().toString(),
                "-DD", "-E", "-Y", runDir.toString(), "-P", runDir.resolve("kamailio.pid").toString(),
                "-l", "udp:127.0.0.1:" + sipPort, "-l", "tcp:127.0.0.1:" + rpcPort,
                "-A", "EVAPI_BIND=\"127.0.0.1:" + evapiPort + "\"", "-A", "SIP_HOSTPORT=\"127.0.0.1:" + sipPort + "\"",
                "-A", "CALLBACK_URI=\"sip:callback@127.0.0.1:" + sipPort + "\"")
                .redirectErrorStream(true).redirectOutput(runDir.resolve("kamailio.log").toFile()).start();
    }

    /** Stops Kamailio (the switch goes away) and waits until it has exited. */
    void stopKamailio() throws InterruptedException {
        kamailio.destroy();
        if (!kamailio.waitFor(10, TimeUnit.SECONDS)) kamailio.destroyForcibly();
    }

    ContactCenter center() {
        return node.center();
    }

    Database db() {
        return node.db();
    }

    int tServer() {
        return center().systemStatus().components().get("TServer");
    }

    // SIPp

    /** A phone registered for {@code device} at a SIPp UAS on {@code contactPort}, for an hour (0: unregister). */
    void register(String device, int contactPort, int expires) throws Exception {
        Process p = sipp("register.xml", "-s", device, "-key", "contact_port", String.valueOf(contactPort),
                "-key", "expires", String.valueOf(expires), "-p", String.valueOf(freeUdpPort()));
        assertEquals(0, exit(p), "REGISTER of " + device + " failed: " + log(p));
    }

    /** A SIPp phone (UAS) on {@code port} playing {@code scenario} for one call ({@code more}: SIPp options). */
    Process phone(String scenario, int port, String... more) throws IOException {
        return sippUas(scenario, port, more);
    }

    /** A SIPp caller dialing {@code number} with {@code scenario}, as {@code ani} ({@code more}: SIPp options). */
    Process call(String scenario, String number, String ani, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("-s", number, "-key", "caller", ani, "-p",
                String.valueOf(freeUdpPort())));
        args.addAll(List.of(more));
        return sipp(scenario, args.toArray(String[]::new));
    }

    private Process sipp(String scenario, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sipp", "127.0.0.1:" + sipPort, "-sf", scenario(scenario),
                "-i", "127.0.0.1", "-m", "1", "-timeout", SIPP_LIMIT.toSeconds() + "s", "-timeout_error",
                "-nostdin"));
        cmd.addAll(List.of(args));
        return track(cmd, scenario);
    }

    private Process sippUas(String scenario, int port, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenario(scenario), "-i", "127.0.0.1", "-p",
                String.valueOf(port), "-m", "1", "-timeout", SIPP_LIMIT.toSeconds() + "s", "-timeout_error",
                "-nostdin"));
        cmd.addAll(List.of(more));
        return track(cmd, scenario);
    }

    private Process track(List<String> cmd, String scenario) throws IOException {
        Path out = Files.createTempFile(runDir, scenario.replace(".xml", "-"), ".log");
        Process p = new ProcessBuilder(cmd).directory(runDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        processes.add(p);
        logs.put(p, out);
        return p;
    }

    private final Map<Process, Path> logs = new LinkedHashMap<>();

    /** The exit status of a SIPp run (0: the scenario played to its end). */
    int exit(Process p) throws InterruptedException {
        if (!p.waitFor(SIPP_LIMIT.toSeconds() + 10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("sipp did not finish: " + log(p));
        }
        return p.exitValue();
    }

    String log(Process p) {
        try {
            String text = Files.readString(logs.get(p));
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String scenario(String name) {
        try {
            return Path.of(SipRig.class.getClassLoader().getResource("sipp/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // The IVR script, over HTTP as a VoiceXML browser runs it

    private static final Pattern VAR = Pattern.compile("<var name=\"([A-Za-z]+)\" expr=\"([^\"]*)\"");

    /** Fetches /vxml/{function} with the parameters in the query (namelist style); the returned variables. */
    Map<String, String> vxml(String function, String... nameValues) throws Exception {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (!q.isEmpty()) q.append('&');
            q.append(nameValues[i]).append('=').append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        URI uri = node.uri().resolve("/vxml/" + function + "?" + q);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = VAR.matcher(r.body());
        while (m.find()) vars.put(m.group(1), literal(m.group(2)));
        return vars;
    }

    /** An ECMAScript number or simple string literal, as the result template writes it (XML-escaped). */
    private static String literal(String expr) {
        String v = expr.replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        if (v.length() >= 2 && (v.startsWith("'") || v.startsWith("\""))) v = v.substring(1, v.length() - 1);
        return v;
    }

    /** Waits (up to 20 s) until {@code condition} holds; fails naming {@code what}. No timing is asserted. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, condition, () -> "");
    }

    /** As {@link #awaitTrue(String, BooleanSupplier)}, the failure naming what {@code state} says then. */
    static void awaitTrue(String what, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what + " " + state.get());
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) if (p.isAlive()) p.destroyForcibly();
        try {
            if (node != null) node.close(); // the server, the center and its database
        } finally {
            if (kamailio != null && kamailio.isAlive()) stopKamailio();
        }
        if (Boolean.getBoolean("ivr.test.keepKamailio")) return; // -Divr.test.keepKamailio=true keeps its logs
        try (var files = Files.walk(runDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
