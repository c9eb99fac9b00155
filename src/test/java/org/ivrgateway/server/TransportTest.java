package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.security.Digests;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport side of docs/SECURITY.md: HTTPS from a PKCS#12 keystore (made here with keytool), plain
 * HTTP only where the config allows it, the Host check, the security headers, JSON-only REST bodies,
 * VoiceXML platforms by address and basic credentials, and a configuration that admits nobody.
 */
class TransportTest {
    private static final String CENTER = "centers/test-center.yaml";

    @TempDir
    static Path classDir;
    private static Path keystore;

    @BothDatabases
    void httpsFromAPkcs12KeystoreWithHstsAndASecureCookie(TestDatabase db) throws Exception {
        Path keystore = keystore();
        CenterConfig config = config(TestAccess.withAccess(TestNode.configText(CENTER))
                + "server: { tls: { keystore: \"" + keystore + "\", password: changeit }, plainHttp: never }\n");
        try (TestNode node = TestNode.start(db, config)) {
            URI base = node.uri();
            assertEquals("https", base.getScheme());
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore, "changeit"))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse(null));

            HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(base.resolve("/console/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=sam&password=sam-pass")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, signIn.statusCode());
            String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ivr_console="))
                    .findFirst().orElseThrow();
            assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

            // the same port does not speak plain HTTP
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            URI http = URI.create("http://127.0.0.1:" + base.getPort() + "/health");
            boolean refused;
            try {
                refused = plain.send(HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() != 200;
            } catch (IOException e) {
                refused = true;
            }
            assertTrue(refused, "plain HTTP on the HTTPS port");
        }
    }

    @BothDatabases
    void plainHttpIsRefusedWhereTheConfigDoesNotAllowIt(TestDatabase db) throws Exception {
        CenterConfig everywhere = config(TestNode.configText(CENTER) + "server: { host: 0.0.0.0 }\n");
        // host null: the configured server.host, every interface here
        try (org.ivrgateway.store.Database database = db.open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Node.start(null, 0, database, everywhere, java.time.Clock.systemUTC()).close());
            assertTrue(e.getMessage().contains("server.plainHttp") && e.getMessage().contains("server.tls"), e.getMessage());
        }
        CenterConfig never = config(TestNode.configText(CENTER) + "server: { plainHttp: never }\n");
        assertThrows(IllegalStateException.class, () -> TestNode.start(db, never).close());
    }

    @BothDatabases
    void anotherHostNameIsRefusedAndEveryAnswerCarriesTheSecurityHeaders(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            assertTrue(raw(node.uri(), "GET /health HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n")
                    .startsWith("HTTP/1.1 421"));
            assertTrue(raw(node.uri(), "GET /health HTTP/1.1\r\nHost: localhost:" + node.uri().getPort()
                    + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"));
            HttpResponse<String> page = Caller.anonymous(node.uri()).get("/console/signin");
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
            assertFalse(page.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP");
        }
    }

    @BothDatabases
    void restBodiesOtherThanJsonGet415AndChangeNothing(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Caller admin = Caller.token("admin", node.uri(), TestAccess.ADMIN_TOKEN);
            HttpResponse<String> r = admin.send("POST", "/api/agents/790006/login", "{\"device\":\"5001\"}", "text/plain");
            assertEquals(415, r.statusCode());
            assertTrue(r.body().contains("application/json"), r.body());
            assertEquals("LOGGED_OFF", node.rest().get("/api/agents/790006").field("status"));
            assertEquals(415, admin.send("POST", "/api/telephony/offer", "device=36200",
                    "application/x-www-form-urlencoded").statusCode());
            assertEquals(200, admin.send("POST", "/api/agents/790006/login", "{\"device\":\"5001\"}",
                    "application/json; charset=utf-8").statusCode());
        }
    }

    @BothDatabases
    void voiceXmlPlatformsComeFromAllowedAddressesWithTheirBasicCredentials(TestDatabase db) throws Exception {
        String text = TestNode.configText(CENTER);
        try (TestNode node = TestNode.start(db, config(text + "access: { vxml: { allow: [\"10.20.0.0/16\"] } }\n"))) {
            HttpResponse<String> r = Caller.anonymous(node.uri()).get("/vxml/QuerySystemStatus");
            assertEquals(403, r.statusCode());
            assertEquals(403, Caller.anonymous(node.uri()).get("/api/ivr/QuerySystemStatus").statusCode());
        }
        String basic = "access: { vxml: { basic: [ { name: ivr1, sha256: \"" + Digests.sha256("platform-secret") + "\" } ] } }\n";
        try (TestNode node = TestNode.start(db, config(text + basic))) {
            Caller platform = Caller.anonymous(node.uri());
            HttpResponse<String> without = platform.get("/vxml/QuerySystemStatus");
            assertEquals(401, without.statusCode());
            assertTrue(without.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            String wrong = "Basic " + Base64.getEncoder().encodeToString("ivr1:guess".getBytes(StandardCharsets.UTF_8));
            assertEquals(401, platform.send("GET", "/vxml/QuerySystemStatus", null, null, "Authorization", wrong).statusCode());
            String right = "Basic " + Base64.getEncoder().encodeToString("ivr1:platform-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> with = platform.send("GET", "/vxml/QuerySystemStatus?SessionID=x", null, null,
                    "Authorization", right);
            assertEquals(200, with.statusCode());
            assertTrue(with.body().contains("ReturnCode"), with.body());
        }
    }

    @BothDatabases
    void aConfigurationWithoutUsersAndTokensStartsAndAdmitsNobody(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, config(TestNode.configText(CENTER)))) {
            Caller token = Caller.token("admin", node.uri(), TestAccess.ADMIN_TOKEN);
            assertEquals(401, token.get("/api/agents").statusCode());
            assertEquals(401, token.get("/console/wallboard").statusCode());
            assertEquals(401, Caller.anonymous(node.uri()).signIn(TestAccess.ADMIN, TestAccess.password(TestAccess.ADMIN))
                    .statusCode());
            assertEquals(303, Caller.anonymous(node.uri()).get("/console/wallboard").statusCode());
            assertEquals(200, Caller.anonymous(node.uri()).get("/health").statusCode());
            // VoiceXML from loopback still works: platforms are admitted by address
            assertEquals(200, Caller.anonymous(node.uri()).get("/vxml/QuerySystemStatus?SessionID=x").statusCode());
        }
    }

    private static CenterConfig config(String yaml) {
        return ConfigLoader.parse("test", yaml);
    }

    /** The keystore of the HTTPS tests, made once for the class (keytool is a JVM of its own, 1–2 s). */
    private static synchronized Path keystore() throws Exception {
        if (keystore == null) {
            Path made = classDir.resolve("gateway.p12");
            keytool(made, "changeit");
            keystore = made;
        }
        return keystore;
    }

    private static void keytool(Path keystore, String password) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gateway", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(Files.size(keystore) > 0);
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A request written by hand (the JDK client will not send another Host); the status line and headers. */
    private static String raw(URI base, String request) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
