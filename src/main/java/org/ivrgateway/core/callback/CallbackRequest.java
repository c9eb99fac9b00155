package org.ivrgateway.core.callback;

import java.util.List;
import java.util.Map;

/**
 * CreateCallback's input: the call, the callback queue, description, the caller's offset from UTC in
 * minutes (local = UTC + offset), contact name, the schedule strings (Schedule1–3, absent ones left out),
 * the call's contact data and business unit (null when none).
 */
public record CallbackRequest(String callId, String queueName, String description, int timeZoneOffsetMinutes,
                              String contactName, List<String> schedules, Map<String, String> contactData,
                              String businessUnit) {
    public CallbackRequest {
        schedules = schedules == null ? List.of()
                : schedules.stream().filter(s -> s != null && !s.isBlank()).toList();
        contactData = contactData == null ? Map.of() : Map.copyOf(contactData);
    }
}
