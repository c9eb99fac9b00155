package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates from a directory: per-function overrides, fallback to the jar, and start-up errors naming the file. */
class TemplatesTest {
    @TempDir
    Path dir;

    static String builtIn(String file) throws IOException {
        try (InputStream in = TemplatesTest.class.getResourceAsStream("/vxml-templates/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFileNamedAfterAFunctionOverridesTheSharedTemplateForThatFunctionOnly() throws IOException {
        String withLog = builtIn("result.vxml").replace("<block>", "<block>\n      <log>enqueue override</log>");
        Files.writeString(dir.resolve("Enqueue.vxml"), withLog);
        VxmlTemplates templates = VxmlTemplates.load(dir);
        VxmlDocuments renderer = new VxmlDocuments(templates);
        TemplateCheck.verify(templates, renderer);

        VxmlDocument enqueue = new VxmlDocument(renderer.result(Result.success(IvrFunction.ENQUEUE)));
        VxmlDocument dequeue = new VxmlDocument(renderer.result(Result.success(IvrFunction.DEQUEUE)));
        assertEquals("enqueue override", enqueue.element("log").getTextContent());
        assertEquals(null, dequeue.element("log"));
        assertEquals(0, enqueue.evaluate("return", java.util.Map.of()).get("ReturnCode"));
    }

    @Test
    void aDirectoryOverridesTheSharedTemplateAndTakesWhatItLacksFromTheJar() throws IOException {
        Files.writeString(dir.resolve("result.vxml"),
                builtIn("result.vxml").replace("<form id=\"result\">", "<form id=\"site\">"));
        VxmlTemplates templates = VxmlTemplates.load(dir);
        VxmlDocuments renderer = new VxmlDocuments(templates);
        VxmlDocument doc = new VxmlDocument(renderer.result(Result.success(IvrFunction.QUERY_SYSTEM_STATUS)));
        assertEquals("site", doc.element("form").getAttribute("id"));
        assertTrue(templates.collectTemplate().startsWith("classpath:"), templates.collectTemplate());
    }

    @Test
    void aTemplateThatIsNotWellFormedStopsStartUpNamingTheFile() throws IOException {
        Path file = dir.resolve("QueryCallStatus.vxml");
        Files.writeString(file, builtIn("result.vxml").replace("</form>", ""));
        BrokenTemplateException e = assertThrows(BrokenTemplateException.class, () -> Gateway.create(null, dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aTemplateWithAFailingExpressionStopsStartUpNamingTheFile() throws IOException {
        Path file = dir.resolve("collect.vxml");
        Files.writeString(file, builtIn("collect.vxml").replace("${next}", "${next.nosuch.property}"));
        BrokenTemplateException e = assertThrows(BrokenTemplateException.class, () -> Gateway.create(null, dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aTemplateWhoseRootIsNotVxmlStopsStartUp() throws IOException {
        Path file = dir.resolve("result.vxml");
        Files.writeString(file, "<html xmlns:th=\"http://www.thymeleaf.org\"><p th:text=\"${function}\"/></html>");
        BrokenTemplateException e = assertThrows(BrokenTemplateException.class, () -> Gateway.create(null, dir));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("<vxml"), e.getMessage());
    }

    @Test
    void aMisspeltOverrideStopsStartUpRatherThanBeingIgnored() throws IOException {
        Path file = dir.resolve("Enqeue.vxml");
        Files.writeString(file, builtIn("result.vxml"));
        BrokenTemplateException e = assertThrows(BrokenTemplateException.class, () -> Gateway.create(null, dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMissingDirectoryStopsStartUpNamingIt() {
        Path missing = dir.resolve("nope");
        BrokenTemplateException e = assertThrows(BrokenTemplateException.class, () -> Gateway.create(null, missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void theBuiltInTemplatesPassTheStartUpCheck() {
        VxmlTemplates templates = VxmlTemplates.load(null);
        TemplateCheck.verify(templates, new VxmlDocuments(templates));
        assertFalse(templates.sources().isEmpty());
        for (IvrFunction f : IvrFunction.values()) {
            assertEquals("classpath:vxml-templates/result.vxml", templates.resultTemplate(f));
        }
    }
}
