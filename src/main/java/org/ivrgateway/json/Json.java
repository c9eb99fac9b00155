package org.ivrgateway.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The project's one JSON mapping (Jackson), used by every edge that reads or writes JSON: the REST API and
 * its event stream, the {@code /api/ivr} twin, the console's live snapshots, the SIP connector's frames
 * and JSON-RPC. Instants are ISO-8601 text; reading is strict (an unknown field or anything after the
 * value is an error). The mapper is shared and thread-safe once built: nothing may reconfigure it.
 * The YAML configuration has a mapper of its own over Jackson's YAML factory (a mapper is bound to one
 * format), built with the same reading rules through {@link #strict}. docs/ARCHITECTURE.md, "One JSON mapping".
 */
public final class Json {
    public static final ObjectMapper MAPPER = strict(JsonMapper.builder())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private Json() {
    }

    /** The reading rules every mapper of the project shares, JSON or YAML: unknown fields and trailing input are errors. */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
