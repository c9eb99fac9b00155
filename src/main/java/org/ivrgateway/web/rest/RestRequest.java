package org.ivrgateway.web.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.stream.Collectors;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.StoredText;
import org.ivrgateway.json.Json;

/**
 * One REST request as a handler sees it: the path's variables and the JSON body. Anything wrong with what
 * the client sent becomes an {@link IvrException} with -306, which the servlet answers with 400.
 */
public final class RestRequest {
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServletRequest request;
    private final Map<String, String> variables;

    RestRequest(HttpServletRequest request, Map<String, String> variables) {
        this.request = request;
        this.variables = variables;
    }

    /** A variable of the path, checked like a body's text (a NUL in a path is a 400, not a failed look-up). */
    public String path(String name) {
        String value = variables.get(name);
        String problem = value == null ? null : StoredText.problem(value, 0);
        if (problem != null) throw invalid(name + ": " + problem);
        return value;
    }

    public String header(String name) {
        return request.getHeader(name);
    }

    public String query(String name) {
        return request.getParameter(name);
    }

    /** True when the request says it carries a body (a Content-Length above 0, or chunked). */
    public boolean hasBody() {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The JSON body as {@code type}; a missing, malformed or unexpected body is a 400. */
    public <T> T body(Class<T> type) {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw invalid("the request body could not be read");
        }
        if (bytes.length > MAX_BODY) throw invalid("the request body is larger than " + MAX_BODY + " bytes");
        if (bytes.length == 0) throw invalid("a JSON body is required");
        try {
            T value = Json.MAPPER.readValue(bytes, type);
            if (value == null) throw invalid("a JSON object is required");
            return storable(value);
        } catch (UnrecognizedPropertyException e) {
            throw invalid("unknown field '" + e.getPropertyName() + "'; expected "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getLast().getFieldName();
            throw invalid(field + ": wrong type of value");
        } catch (JacksonException e) {
            throw invalid("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("the request body could not be read");
        }
    }

    /**
     * Every text field of a body is checked as the IVR API's parameters are ({@link StoredText}: no NUL,
     * no lone surrogate), so what the databases cannot hold is a 400 with -306, not a 500.
     */
    private static <T> T storable(T body) {
        if (!(body instanceof Record)) return body;
        for (RecordComponent c : body.getClass().getRecordComponents()) {
            if (c.getType() != String.class) continue;
            String text;
            try {
                text = (String) c.getAccessor().invoke(body);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + body.getClass(), e);
            }
            String problem = text == null ? null : StoredText.problem(text, 0);
            if (problem != null) throw invalid(c.getName() + ": " + problem);
        }
        return body;
    }

    /** A required text field of a body: present and not blank. */
    /**
     * A whole number of the query string between {@code min} and {@code max}, {@code fallback} when absent;
     * anything else is a 400 naming the parameter.
     */
    public int queryInt(String name, int min, int max, int fallback) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isEmpty()) return fallback;
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name + ": must be a whole number from " + min + " to " + max);
    }

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) throw invalid(field + ": required");
        return value;
    }

    public static IvrException invalid(String message) {
        return new IvrException(ReturnCode.INVALID_PARAMETER, message);
    }
}
