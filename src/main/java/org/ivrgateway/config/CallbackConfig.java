package org.ivrgateway.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code callbacks:} — the callback queues, the contact center's time zone (also that of the centre's
 * {@code businessHours}), the hours callbacks are made in (days absent are closed; absent or empty: the
 * centre's {@code businessHours}, see {@link CenterConfig}), numbers that may never be called back, how far
 * ahead a schedule may reach, and how a callback that did not reach its contact is tried again: after
 * {@code retryMinutes}, up to {@code maxAttempts} attempts in all.
 */
public record CallbackConfig(List<String> queues, String timeZone, Map<String, String> businessHours,
                             List<String> excludedNumbers, Integer maxDaysAhead, Integer retryMinutes,
                             Integer maxAttempts) {
    public static final CallbackConfig NONE = new CallbackConfig(null, null, null, null, null);

    /** Callbacks retried with the defaults: after 10 minutes, 3 attempts in all. */
    public CallbackConfig(List<String> queues, String timeZone, Map<String, String> businessHours,
                          List<String> excludedNumbers, Integer maxDaysAhead) {
        this(queues, timeZone, businessHours, excludedNumbers, maxDaysAhead, null, null);
    }

    public CallbackConfig {
        queues = Checks.names("callbacks.queues", queues, CatalogLimits.QUEUE_NAME);
        timeZone = timeZone == null ? "UTC" : timeZone;
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("callbacks.timeZone: unknown time zone '" + timeZone + "'");
        }
        businessHours = businessHours == null ? Map.of() : Map.copyOf(businessHours);
        week("callbacks.businessHours", businessHours);
        excludedNumbers = excludedNumbers == null ? List.of() : List.copyOf(excludedNumbers);
        maxDaysAhead = Checks.atLeast("callbacks.maxDaysAhead", maxDaysAhead, 1, 30);
        retryMinutes = Checks.atLeast("callbacks.retryMinutes", retryMinutes, 1, 10);
        maxAttempts = Checks.atLeast("callbacks.maxAttempts", maxAttempts, 1, 3);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Opening hours by day; a day that is absent is closed. */
    public Map<DayOfWeek, Hours> hours() {
        return week("callbacks.businessHours", businessHours);
    }

    /** A copy with these business hours (the centre's, when the callbacks have none of their own). */
    CallbackConfig withBusinessHours(Map<String, String> hours) {
        return new CallbackConfig(queues, timeZone, hours, excludedNumbers, maxDaysAhead, retryMinutes, maxAttempts);
    }

    /** Parses {@code mon: "08:00-18:00"} entries; {@code key} (callbacks.businessHours, businessHours) names them. */
    static Map<DayOfWeek, Hours> week(String key, Map<String, String> days) {
        Map<DayOfWeek, Hours> map = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, range) -> map.put(dayOf(key, day), parseDay(key, day, range)));
        return map;
    }

    /**
     * One day's opening, {@code open} inclusive to {@code close} exclusive; a {@code close} of midnight is
     * {@code 24:00}, the end of the day (docs/CALLBACKS.md, "Business hours").
     */
    public record Hours(LocalTime open, LocalTime close) {
        /** {@code close} as written in the config: {@code 24:00} for the end of the day. */
        public String closeText() {
            return close.equals(LocalTime.MIDNIGHT) ? END_OF_DAY : close.toString();
        }
    }

    /** The closing time that ends the day: {@code 00:00-24:00} is the whole day, where {@code 23:59} leaves its last minute closed. */
    static final String END_OF_DAY = "24:00";

    private static Hours parseDay(String prefix, String day, String range) {
        String key = prefix + "." + day;
        String[] parts = range == null ? new String[0] : range.split("-");
        try {
            if (parts.length != 2) throw new IllegalArgumentException();
            LocalTime open = LocalTime.parse(parts[0].strip());
            if (parts[1].strip().equals(END_OF_DAY)) return new Hours(open, LocalTime.MIDNIGHT);
            LocalTime close = LocalTime.parse(parts[1].strip());
            if (!open.isBefore(close)) throw new IllegalArgumentException();
            return new Hours(open, close);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": '" + range + "' is not HH:mm-HH:mm with opening before closing (24:00 ends the day)");
        }
    }

    private static DayOfWeek dayOf(String key, String day) {
        String d = day.toLowerCase(Locale.ROOT);
        for (DayOfWeek w : DayOfWeek.values()) {
            if (w.name().toLowerCase(Locale.ROOT).startsWith(d) && d.length() >= 3) return w;
        }
        throw new IllegalArgumentException(key + ": '" + day + "' is not a day (mon, tue, … sun)");
    }
}
