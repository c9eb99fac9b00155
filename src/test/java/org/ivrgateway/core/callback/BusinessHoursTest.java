package org.ivrgateway.core.callback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.ivrgateway.config.CallbackConfig;
import org.junit.jupiter.api.Test;

/** Business hours (docs/CALLBACKS.md, "Business hours"): a closing of 24:00 ends the day, 23:59 does not. */
class BusinessHoursTest {
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void aDayOpenUntil2400HasNoClosedMinuteAtItsEnd() {
        BusinessHours allDay = hours(Map.of("tue", "00:00-24:00", "wed", "00:00-24:00"));
        assertTrue(allDay.isOpen(at("2025-03-04T23:59:30")), "the last minute of Tuesday is open");
        assertTrue(allDay.isOpen(at("2025-03-05T00:00:00")));
        assertTrue(allDay.overlaps(at("2025-03-04T23:59:00"), at("2025-03-05T00:01:00")));
        assertFalse(allDay.isOpen(at("2025-03-06T00:00:00")), "Thursday is not configured");

        BusinessHours toMidnight = hours(Map.of("tue", "18:00-24:00"));
        assertTrue(toMidnight.isOpen(at("2025-03-04T23:59:59")));
        assertFalse(toMidnight.isOpen(at("2025-03-05T00:00:00")), "closing is exclusive: Wednesday is closed");
        assertFalse(toMidnight.isOpen(at("2025-03-04T17:59:59")));
    }

    @Test
    void closingAt2359LeavesTheLastMinuteClosedAndMidnightIsNoClosingTime() {
        BusinessHours untilTwentyThreeFiftyNine = hours(Map.of("tue", "00:00-23:59"));
        assertFalse(untilTwentyThreeFiftyNine.isOpen(at("2025-03-04T23:59:30")), "23:59 closes at 23:59");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> hours(Map.of("tue", "08:00-00:00")));
        assertTrue(refused.getMessage().contains("24:00"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hours(Map.of("tue", "24:00-24:00")));
    }

    private static BusinessHours hours(Map<String, String> week) {
        return new BusinessHours(new CallbackConfig(List.of("CBQueue"), "America/Toronto", week, List.of(), 30));
    }

    private static Instant at(String torontoLocal) {
        return LocalDateTime.parse(torontoLocal).atZone(TORONTO).toInstant();
    }
}
