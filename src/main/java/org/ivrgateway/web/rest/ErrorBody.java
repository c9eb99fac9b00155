package org.ivrgateway.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every REST error: a message for people and, when the API has one, its return code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, Integer code) {
}
