package org.ivrgateway.core.callback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A callback as stored: what CreateCallback was given, its schedules read into UTC, and when it was made. */
public record StoredCallback(String callbackId, String callId, String queueName, String description,
                             int timeZoneOffsetMinutes, String contactName, String businessUnit, Instant createdAt,
                             List<Schedule> schedules, Map<String, String> contactData) {
}
