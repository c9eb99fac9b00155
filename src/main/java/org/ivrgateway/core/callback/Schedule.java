package org.ivrgateway.core.callback;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;

/**
 * One schedule of CreateCallback, {@code number;mm/dd/yyyy;hh:mm;mm/dd/yyyy;hh:mm}, read in the caller's
 * local time: local = UTC + TimeZoneOffset minutes (the guide's "difference between the caller's local
 * time and UTC"), so Toronto in winter is -300. {@code digits} is the number without its extension, digits
 * only, as excluded numbers and duplicates compare it.
 */
public record Schedule(String text, String phone, String digits, Instant start, Instant end) {
    public static final int MAX_PHONE_LENGTH = 47;

    /** The guide's canonical form, {@code +Country (Area) Subscriber--Extension}, every part but the subscriber optional. */
    private static final Pattern PHONE = Pattern.compile("(\\+\\d{1,4} ?)?(\\(\\d{1,8}\\) ?)?\\d+(-\\d+)*(--\\d{1,16})?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);

    /**
     * Reads a schedule. A phone number that is missing, longer than 47 characters or not in the canonical
     * form gives -306 (the parameter's format, per the guide's table); anything wrong with the dates and
     * times, or an end not after the start, gives -1028.
     */
    public static Schedule parse(String text, int timeZoneOffsetMinutes) {
        String[] parts = text.split(";", -1);
        if (parts.length != 5) {
            throw new IvrException(ReturnCode.INVALID_SCHEDULE_TIME,
                    "schedule '" + text + "' is not number;mm/dd/yyyy;hh:mm;mm/dd/yyyy;hh:mm");
        }
        String phone = parts[0].strip();
        if (phone.isEmpty() || phone.length() > MAX_PHONE_LENGTH || !PHONE.matcher(phone).matches()) {
            throw new IvrException(ReturnCode.INVALID_PARAMETER, "schedule '" + text
                    + "': the phone number is not in the canonical form (+1 (555) 555-0199--1212) of at most "
                    + MAX_PHONE_LENGTH + " characters");
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(timeZoneOffsetMinutes * 60);
        Instant start = instant(text, parts[1], parts[2], offset);
        Instant end = instant(text, parts[3], parts[4], offset);
        if (!end.isAfter(start)) {
            throw new IvrException(ReturnCode.INVALID_SCHEDULE_TIME, "schedule '" + text + "': the end is not after the start");
        }
        return new Schedule(text, phone, digitsOf(phone), start, end);
    }

    /** The digits of a number, its extension ({@code --1212}) removed. */
    public static String digitsOf(String number) {
        int extension = number.indexOf("--");
        String main = extension < 0 ? number : number.substring(0, extension);
        return main.replaceAll("\\D", "");
    }

    /** True when this window and [{@code from}, {@code to}) share an instant. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }

    private static Instant instant(String text, String date, String time, ZoneOffset offset) {
        try {
            return LocalDate.parse(date.strip(), DATE).atTime(LocalTime.parse(time.strip(), TIME)).toInstant(offset);
        } catch (DateTimeException e) {
            throw new IvrException(ReturnCode.INVALID_SCHEDULE_TIME,
                    "schedule '" + text + "': '" + date.strip() + ";" + time.strip() + "' is not a valid mm/dd/yyyy;hh:mm");
        }
    }
}
