package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ivrgateway.samples.interpreter.VxmlSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every sample is VoiceXML 2.1 by the W3C schema, and every guide scenario has its sample. */
class SamplesValidateTest {
    static final Path SAMPLES = Path.of("samples");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".vxml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleValidatesAgainstTheVoiceXml21Schema(Path sample) throws IOException {
        assertEquals(List.of(), VxmlSchema.problems(Files.readString(sample)), sample.toString());
    }

    @Test
    void everyScenarioOfTheGuideHasItsSample() throws IOException {
        List<String> names = samples().map(p -> p.getFileName().toString()).toList();
        for (String expected : List.of("common.vxml", "start-call.vxml", "ivr-hold.vxml", "queue-hold.vxml",
                "fmnq.vxml", "unmonitored.vxml", "callback-offer.vxml", "routing.vxml", "multi-tenant.vxml", "pause.vxml")) {
            assertTrue(names.contains(expected), expected + " missing from " + names);
        }
    }

    /** Builtin grammars are optional (VoiceXML 2.0 §2.3.1): no field has a type, no grammar a builtin: source. */
    @ParameterizedTest
    @MethodSource("samples")
    void sampleNeedsNoBuiltinGrammar(Path sample) throws IOException {
        String text = Files.readString(sample);
        assertTrue(!Pattern.compile("<field\\b[^>]*\\btype=").matcher(text).find(), sample + ": a field with a builtin type");
        assertTrue(!text.contains("builtin:"), sample + ": a builtin grammar");
        Matcher grammar = Pattern.compile("<grammar\\b[^>]*>").matcher(text);
        while (grammar.find()) {
            assertTrue(grammar.group().contains("mode=\"dtmf\""), sample + ": a grammar that is not DTMF: " + grammar.group());
        }
    }

    @Test
    void theSchemaRejectsADocumentThatIsNotVoiceXml() {
        assertTrue(!VxmlSchema.problems("<vxml version=\"2.1\" xmlns=\"http://www.w3.org/2001/vxml\"><form><nonsense/></form></vxml>")
                .isEmpty());
    }
}
