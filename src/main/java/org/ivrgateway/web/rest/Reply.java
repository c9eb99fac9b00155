package org.ivrgateway.web.rest;

import java.util.Map;

/** What a REST handler answers: a status, a body to write as JSON (none for 204) and extra headers. */
public record Reply(int status, Object body, Map<String, String> headers) {

    public static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    public static Reply created(Object body, String location) {
        return new Reply(201, body, Map.of("Location", location));
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    /** A body that is not JSON (CSV), written as it is. */
    public record Text(String contentType, String text) {
    }

    public static Reply text(String contentType, String text) {
        return new Reply(200, new Text(contentType, text), Map.of());
    }
}
