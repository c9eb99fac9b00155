package org.ivrgateway.core.callback;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.ivrgateway.config.CallbackConfig;

/**
 * The contact center's opening hours ({@code callbacks.businessHours} in {@code callbacks.timeZone});
 * a day absent from the config is closed, so an empty map is always closed. Opening is inclusive, closing
 * exclusive; a day's hours never cross midnight (the config checks opening before closing), and a closing
 * of {@code 24:00} (held as midnight) is the start of the next day.
 */
public final class BusinessHours {
    private final ZoneId zone;
    private final Map<DayOfWeek, CallbackConfig.Hours> hours;

    public BusinessHours(CallbackConfig config) {
        this(config.zone(), config.hours());
    }

    /** Any weekly hours, such as the centre's {@code businessHours} (CenterConfig.openingHours). */
    public BusinessHours(ZoneId zone, Map<DayOfWeek, CallbackConfig.Hours> hours) {
        this.zone = zone;
        this.hours = Map.copyOf(hours);
    }

    public boolean isOpen(Instant instant) {
        return overlaps(instant, instant.plusNanos(1));
    }

    /** True when the window [{@code from}, {@code to}) meets an opening period. */
    public boolean overlaps(Instant from, Instant to) {
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            CallbackConfig.Hours open = hours.get(day.getDayOfWeek());
            if (open == null) continue;
            Instant opens = day.atTime(open.open()).atZone(zone).toInstant();
            Instant closes = open.close().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(open.close()).atZone(zone).toInstant();
            if (opens.isBefore(to) && from.isBefore(closes)) return true;
        }
        return false;
    }
}
