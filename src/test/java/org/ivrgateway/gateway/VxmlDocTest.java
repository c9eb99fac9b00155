package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/VXML.md carries the function reference generated from the catalog. Run with
 * {@code -Dupdate.docs=true} to rewrite it after a catalog change; otherwise a difference fails.
 */
class VxmlDocTest {
    private static final Path DOC = Path.of("docs/VXML.md");

    @Test
    void theFunctionReferenceOfTheDocMatchesTheCatalog() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(FunctionReference.BEGIN);
        int end = doc.indexOf(FunctionReference.END);
        assertTrue(begin >= 0 && end > begin, "docs/VXML.md must hold the generated reference between its markers");
        String current = doc.substring(begin, end + FunctionReference.END.length());
        String expected = FunctionReference.markdown();
        if (Boolean.getBoolean("update.docs") && !current.equals(expected)) {
            Files.writeString(DOC, doc.replace(current, expected));
            return;
        }
        assertEquals(expected, current, "docs/VXML.md is out of date: run the test with -Dupdate.docs=true");
    }
}
