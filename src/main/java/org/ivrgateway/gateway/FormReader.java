package org.ivrgateway.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * Reads a request's fields (the query string, then an {@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data} body) with a bounded cost, before any other work and without the
 * servlet's {@code getParameterMap} (docs/VXML.md, "Errors and hostile requests").
 *
 * <p>Jetty's form parsing limits distinct names only, and costs the square of the fields that share one
 * name: a 63,000-{@code &} body took seconds of CPU. Here the fields of a query or urlencoded body are
 * counted first, by their {@code &} separators (an empty field counts too), and more than
 * {@link Limits#MAX_FIELDS} is refused without decoding any; the at most that many are then decoded by
 * Jetty's own {@link UrlEncoded} decoder (percent-decoding, strict UTF-8), a linear pass. Multipart bodies
 * are read within the same 64 KiB and parsed by Jetty's {@link MultiPartFormData.Parser} with at most
 * {@link Limits#MAX_FIELDS} parts; a part without a name is refused with a message, not Jetty's
 * NullPointerException. Text in a charset it does not decode in is refused, never replaced.
 */
final class FormReader {

    /** One name=value pair as sent. */
    record Field(String name, String value) {
    }

    /** The request cannot be read as fields; the message says why (it goes into the -306 answer). */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Fields counted or decoded so far: where a refused request stopped. */
    private int examined;

    /** Reads one request; a reader is used once. */
    List<Field> read(HttpServletRequest request) throws Unreadable {
        List<Field> fields = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) decode(query, StandardCharsets.UTF_8, fields);
        if (!"POST".equals(request.getMethod())) return fields;
        String contentType;
        String charsetName;
        try {
            contentType = request.getContentType();
            charsetName = request.getCharacterEncoding();
        } catch (RuntimeException e) { // Jetty refuses a charset it does not know when asked for the type
            throw new Unreadable("the parameters cannot be read: unknown charset " + e.getMessage());
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Charset charset = charset(charsetName);
            decode(text(body(request), charset), charset, fields);
        } else if (type.startsWith("multipart/form-data")) {
            parts(request, contentType, fields);
        }
        return fields;
    }

    /** How many fields this reader looked at: at most {@link Limits#MAX_FIELDS} + 1, whatever was sent. */
    int examined() {
        return examined;
    }

    /** Counts the fields of {@code encoded}, refusing more than the limit, then decodes them. */
    void decode(String encoded, Charset charset, List<Field> into) throws Unreadable {
        int fields = into.size() + 1;
        examined++;
        for (int i = encoded.indexOf('&'); i >= 0; i = encoded.indexOf('&', i + 1)) {
            examined++;
            if (++fields > Limits.MAX_FIELDS) {
                throw new Unreadable("more than " + Limits.MAX_FIELDS + " parameters");
            }
        }
        try {
            if (charset.equals(StandardCharsets.UTF_8)) {
                UrlEncoded.decodeUtf8To(encoded, 0, encoded.length(), (k, v) -> into.add(new Field(k, v)));
            } else {
                UrlEncoded.decodeTo(encoded, (k, v) -> into.add(new Field(k, v)), charset);
            }
        } catch (RuntimeException e) {
            throw new Unreadable("the parameters cannot be read: " + e.getMessage());
        }
    }

    private static byte[] body(HttpServletRequest request) throws Unreadable {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(Limits.MAX_BODY_BYTES + 1);
            if (bytes.length > Limits.MAX_BODY_BYTES) {
                throw new Unreadable("the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new Unreadable("the request body cannot be read: " + e.getMessage());
        }
    }

    /** The bytes as text in that charset; bytes that are not valid in it are refused, not replaced. */
    private static String text(byte[] bytes, Charset charset) throws Unreadable {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("the parameters cannot be read: Invalid " + charset.name() + " in the body");
        }
    }

    private static Charset charset(String name) throws Unreadable {
        if (name == null || name.isBlank()) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Unreadable("the parameters cannot be read: unknown charset " + name);
        }
    }

    /**
     * A multipart body, read within the same 64 KiB, parsed by Jetty's own multipart parser with at most
     * {@link Limits#MAX_FIELDS} parts, every part in memory.
     */
    private void parts(HttpServletRequest request, String contentType, List<Field> into) throws Unreadable {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new Unreadable("the multipart body cannot be read: its Content-Type names no boundary");
        }
        byte[] bytes = body(request);
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(Limits.MAX_FIELDS - into.size());
        parser.setMaxLength(Limits.MAX_BODY_BYTES);
        parser.setMaxMemoryFileSize(Limits.MAX_BODY_BYTES);
        parser.setUseFilesForPartsWithoutFileName(false);
        MultiPartFormData.Parts parts;
        try {
            parts = parser.parse(Content.Source.from(ByteBuffer.wrap(bytes))).get();
        } catch (ExecutionException e) {
            throw new Unreadable("the multipart body cannot be read: " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("the multipart body cannot be read: interrupted");
        }
        try (parts) {
            for (MultiPart.Part part : parts) {
                examined++;
                if (part.getName() == null || part.getName().isEmpty()) {
                    throw new Unreadable("a multipart part has no name (Content-Disposition: form-data; name=\"…\")");
                }
                Charset charset = charset(charsetOf(part.getHeaders().get(HttpHeader.CONTENT_TYPE)));
                byte[] value;
                try {
                    ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                    value = new byte[content.remaining()];
                    content.get(value);
                } catch (IOException e) {
                    throw new Unreadable("the multipart body cannot be read: " + rootMessage(e));
                }
                into.add(new Field(part.getName(), text(value, charset)));
            }
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) return null;
        for (String piece : contentType.split(";")) {
            String p = piece.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) return p.substring(8).replace("\"", "");
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
