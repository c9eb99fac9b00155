package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway serves the samples at /samples/, as VoiceXML, and nothing else from there. */
class SamplesResourceTest {
    private static SampleCenter center;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        center = new SampleCenter("samples/center.yaml");
    }

    @AfterAll
    static void stop() throws Exception {
        center.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(center.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSampleIsServedAsVoiceXmlByteForByte() throws Exception {
        HttpResponse<String> r = get("samples/ivr-hold.vxml");
        assertEquals(200, r.statusCode());
        assertEquals("application/voicexml+xml;charset=utf-8",
                r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertEquals(Files.readString(SamplesValidateTest.SAMPLES.resolve("ivr-hold.vxml")), r.body());
    }

    @Test
    void theDemoConfigurationNextToTheSamplesIsNotServed() throws Exception {
        assertEquals(404, get("samples/demo-center.yaml").statusCode());
    }

    @Test
    void aPathThatClimbsOutOfTheSamplesIsRefused() throws Exception {
        // Jetty refuses ambiguous paths itself (400); those that reach the servlet get 404.
        for (String path : java.util.List.of("samples/%2e%2e/pom.xml", "samples/..%2fcommon.vxml", "samples/x/../../pom.xml")) {
            int status = get(path).statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 400 || status == 404, path + " gave " + status);
        }
    }

    @Test
    void anUnknownSampleIs404() throws Exception {
        assertEquals(404, get("samples/nothing.vxml").statusCode());
    }
}
