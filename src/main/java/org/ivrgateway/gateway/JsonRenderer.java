package org.ivrgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ivrgateway.api.Result;
import org.ivrgateway.json.Json;

/**
 * {@code /api/ivr/{Function}}: {@code {"function":…,"ReturnCode":…, every output…, "detail":…}} with the
 * outputs under their guide names, numbers as JSON numbers; {@code detail} only when the result has one.
 */
final class JsonRenderer implements Renderer {
    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String render(Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("function", result.function().guideName());
        body.put(ResultNames.RETURN_CODE, result.returnCode());
        body.putAll(ResultSpellings.outputs(result));
        if (result.detail() != null) body.put("detail", result.detail());
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
